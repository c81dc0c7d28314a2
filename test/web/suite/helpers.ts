/**
 * Helpers for the real-editor tests. They wait on VS Code's own events (diagnostics
 * changing, the extension activating) with a deadline, never for a fixed time.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sop-studio.sop-studio';

/** How long the editor may take for one observable effect, including the server's start. */
export const DEADLINE_MS = 20_000;

/** A file of the test workspace, whatever file system it lives on (disk or the web mount). */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need a workspace folder (test/web/workspace).');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a workspace script in an editor, as a user would. */
export async function openScript(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

/** The rule id of a diagnostic, whether the server sent a plain code or a code with a link. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them, checking now and on
 * every change; rejects at the deadline with what was last seen, so a failure says why.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      cleanUp();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanUp();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`);
      reject(new Error(`Timed out waiting for ${what} on ${uri.path}; diagnostics seen: [${seen.join(', ')}]`));
    }, DEADLINE_MS);
    function cleanUp(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Resolves once `probe` returns true (for states VS Code has no event for), or fails at the deadline. */
export async function waitUntil(probe: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True when `uri` exists, on any file system. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
