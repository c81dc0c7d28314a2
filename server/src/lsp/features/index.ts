/**
 * The navigation and editing features of the language server, one module each. Every
 * module exports `capabilities` (what it adds to the `initialize` result, e.g.
 * `{ hoverProvider: true }`) and `register(connection, state)`, which installs its handlers
 * (wrapped in `state.guard`). `registerFeatures` calls them during start-up, before the
 * connection listens. Add a module by importing it as a namespace and listing it:
 *
 *     import * as hover from './hover';
 *     export const FEATURES: readonly Feature[] = [hover];
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { ServerState } from '../state';
import * as codeLens from './code-lens';
import * as completion from './completion';
import * as folding from './folding';
import * as hover from './hover';
import * as links from './links';
import * as navigation from './navigation';
import * as rename from './rename';
import * as semanticTokens from './semantic-tokens';
import * as symbols from './symbols';

export interface Feature {
  /** What the feature advertises in the `initialize` result (merged into the server's). */
  capabilities: ServerCapabilities;
  register(connection: Connection, state: ServerState): void;
}

export const FEATURES: readonly Feature[] = [completion, hover, navigation, rename, symbols, folding, semanticTokens, links, codeLens];

/** Registers every feature's handlers; the server merges `featureCapabilities()` into its own. */
export function registerFeatures(connection: Connection, state: ServerState): void {
  for (const feature of FEATURES) feature.register(connection, state);
}

/** The capabilities all features advertise, merged. */
export function featureCapabilities(): ServerCapabilities {
  return Object.assign({}, ...FEATURES.map((f) => f.capabilities)) as ServerCapabilities;
}
