/**
 * The language server's Node entry (desktop VS Code). The client starts it over IPC; it
 * reads files the client has not sent (imports, `sop.config.json`) straight from disk.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startServer, type ServerHost } from './server';

// Samples how late the event loop runs a 1 ms timer: the longest delay is the longest
// stretch of work that held every request up.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

const host: ServerHost = {
  async readFile(uri: string): Promise<string | undefined> {
    try {
      // Documents are named by `file:` URIs in the editor; a bare path is accepted too so
      // the same server can be driven by tools that speak in paths.
      const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
      return await readFile(path, 'utf8');
    } catch {
      // A missing or unreadable file is an answer ("not there"), not a server failure:
      // the rules report it as an unresolved import where it matters.
      return undefined;
    }
  },
  longestBlockMs(): number {
    const longest = loopDelay.max / 1e6;
    loopDelay.reset();
    return longest;
  },
};

startServer(createConnection(ProposedFeatures.all), host);
