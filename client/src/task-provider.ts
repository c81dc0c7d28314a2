/**
 * Tasks of type `sop` (`check`, `build`) that run the CLI bundled with the extension and
 * feed its output to a problem matcher, so findings land in Problems without the user
 * installing anything. `check` prints the one-line `compact` format (`$sop`); `build` has
 * only its default grouped listing (`$sop-stylish`). Desktop only: the web has no processes.
 */
import * as vscode from 'vscode';

export const TASK_TYPE = 'sop';

export interface SopTaskDefinition extends vscode.TaskDefinition {
  command: 'check' | 'build';
  /** Files or folders to check, relative to the workspace folder; the whole folder by default. */
  paths?: string[];
  /** Where `build` writes the JSON; `out` by default. */
  out?: string;
}

export function registerTaskProvider(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli', 'sop.js').fsPath;
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => [
        createTask({ type: TASK_TYPE, command: 'check' }, folder, cli),
        createTask({ type: TASK_TYPE, command: 'build' }, folder, cli),
      ]),
    resolveTask: (task) => {
      const definition = task.definition as SopTaskDefinition;
      if (definition.command !== 'check' && definition.command !== 'build') return undefined;
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? createTask(definition, folder, cli) : undefined;
    },
  });
}

/** The command line of a task, without the program; exported for tests and the docs. */
export function taskArguments(definition: SopTaskDefinition): string[] {
  const args = [definition.command, ...(definition.paths?.length ? definition.paths : ['.'])];
  if (definition.command === 'check') args.push('--format', 'compact');
  else args.push('--out', definition.out ?? 'out');
  return args;
}

/** The problem matcher (declared in package.json) that reads a task's output. */
export function problemMatcherFor(definition: SopTaskDefinition): string {
  return definition.command === 'check' ? '$sop' : '$sop-stylish';
}

function createTask(definition: SopTaskDefinition, folder: vscode.WorkspaceFolder, cli: string): vscode.Task {
  // The extension host's own executable runs the bundled CLI as plain Node
  // (`ELECTRON_RUN_AS_NODE`), so no separate Node installation is needed.
  const execution = new vscode.ProcessExecution(process.execPath, [cli, ...taskArguments(definition)], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  const task = new vscode.Task(definition, folder, definition.command, 'sop', execution, problemMatcherFor(definition));
  task.group = definition.command === 'build' ? vscode.TaskGroup.Build : vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}
