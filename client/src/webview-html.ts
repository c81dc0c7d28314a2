/**
 * The one way the extension makes webview pages, following VS Code's webview security
 * guidance: scripts only from the extension's `dist/webview` folder and only with a fresh
 * nonce, styles only from `media/` or the nonce'd inline block, no remote resources at all
 * (`default-src 'none'`), and local resources limited to those two folders.
 */
import * as vscode from 'vscode';

/** The folders a webview may load from: its bundled script and its style sheet. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: webviewRoots(extensionUri), enableFindWidget: false };
}

export interface PageParts {
  title: string;
  /** `dist/webview/<script>.js`. */
  script: string;
  /** `media/<style>.css`. */
  style: string;
  /** Extra CSS written inline (with the nonce). */
  inlineStyle?: string;
  /** The page's body markup (static, written by the extension, never from user text). */
  body: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, parts: PageParts): string {
  const nonce = createNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${parts.script}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', `${parts.style}.css`));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="${style.toString()}" nonce="${nonce}">
${parts.inlineStyle ? `<style nonce="${nonce}">${parts.inlineStyle}</style>` : ''}
</head>
<body>
${parts.body}
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** 32 random characters; `crypto` exists in both extension hosts (Node 20 and the web worker). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
