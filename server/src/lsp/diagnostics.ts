/**
 * Diagnostics for the open scripts: linted after each change once the author pauses
 * (debounced), every run superseded by a newer change dropped before it publishes, and
 * the scripts that import a changed file re-checked too. Each publication names the
 * document version it was computed for, so the editor never shows stale squiggles on new
 * text.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { lineIndexOf } from '../language';
import { toDiagnostic } from './convert';
import type { SopWorkspace } from './documents';
import { yieldToEventLoop } from './slices';

/** The default pause after a keystroke before a script is linted. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 150;

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped by every request for a run; a run publishes only if it is still the latest. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: SopWorkspace,
    /** The debounce: how long after the last change a document is linted. */
    public delayMs: number,
  ) {}

  /**
   * Re-checks `uri` after the debounce delay (or at once), replacing any run already
   * scheduled.
   */
  schedule(uri: string, immediate = false): void {
    const generation = this.bump(uri);
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    const start = () => {
      this.timers.delete(uri);
      void this.run(uri, generation);
    };
    if (this.delayMs > 0 && !immediate) this.timers.set(uri, setTimeout(start, this.delayMs));
    else void yieldToEventLoop().then(start);
  }

  /**
   * A document changed (or opened: then it is checked at once, since the author is not
   * typing yet): re-check it and every open script that imports it.
   */
  documentChanged(uri: string, opened = false): void {
    this.schedule(uri, opened);
    this.scheduleImporters(uri);
  }

  /** Re-checks the open scripts whose last check read `uri` (directly or through imports). */
  scheduleImporters(uri: string): void {
    for (const open of this.workspace.openUris()) {
      if (open !== uri && this.workspace.lastLint(open)?.dependencies.has(uri)) this.schedule(open);
    }
  }

  /** Re-checks every open script (the configuration or the settings changed). */
  scheduleAll(): void {
    for (const uri of this.workspace.openUris()) this.schedule(uri);
  }

  /** The document was closed: drop its pending run and clear what it showed. */
  documentClosed(uri: string): void {
    this.bump(uri);
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(uri);
    this.generations.delete(uri);
    // A connection that is going away cannot take the message; that is not worth a crash.
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  private bump(uri: string): number {
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    return generation;
  }

  private async run(uri: string, generation: number): Promise<void> {
    const current = () => this.generations.get(uri) === generation;
    try {
      const result = await this.workspace.lint(uri, () => !current());
      if (!result || !current()) return;
      const document = this.workspace.getDocument(uri);
      // A change arrived during the run: its own run publishes for the newer version.
      if (!document || document.version !== result.version) return;
      const index = lineIndexOf(result.file);
      const diagnostics: Diagnostic[] = result.findings.filter((f) => f.uri === uri).map((f) => toDiagnostic(f, index, this.workspace.services.messages.locale));
      await this.connection.sendDiagnostics({ uri, version: result.version, diagnostics });
    } catch (error) {
      this.workspace.log.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

