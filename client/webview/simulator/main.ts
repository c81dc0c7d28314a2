/**
 * The call simulator webview: shows the transcript the extension sends and turns the
 * writer's clicks into choices. It runs nothing itself; the language server plays the call
 * (sop/simulate) and the extension keeps the caller's answers. Text from the script is
 * only ever set as `textContent`, never parsed as markup.
 */
import type { SimulatorHostMessage, SimulatorState, SimulatorViewMessage } from './messages';

interface VsCodeApi {
  postMessage(message: SimulatorViewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const MESSAGES = {
  start: (clock: string, id: string, title: string | null) => `${clock} START ${id}${title ? ` "${title}"` : ''}`,
  waiting: (seconds: string) => `The caller's turn: the wait times out after ${seconds}. What does the caller do?`,
  situationOption: (id: string, title: string | null) => (title ? `${id} — ${title}` : id),
};

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const situationSelect = byId<HTMLSelectElement>('situation');
const transcript = byId<HTMLOListElement>('transcript');
const outcome = byId<HTMLDivElement>('outcome');
const prompt = byId<HTMLDivElement>('prompt');
const silent = byId<HTMLButtonElement>('silent');
const answers = byId<HTMLButtonElement>('answers');
const replyAfter = byId<HTMLInputElement>('reply-after');
const back = byId<HTMLButtonElement>('back');
const restart = byId<HTMLButtonElement>('restart');
const varsBox = byId<HTMLDivElement>('vars');

let state: SimulatorState | null = null;

window.addEventListener('message', (event: MessageEvent<SimulatorHostMessage>) => {
  if (event.data.type === 'state') show(event.data.state);
});

function show(next: SimulatorState): void {
  const previous = state;
  state = next;
  const { result } = next;

  // The situation picker, rebuilt only when the script's situations change.
  const ids = result.situations.map((s) => s.id).join('\u0000');
  if (situationSelect.dataset.ids !== ids) {
    situationSelect.replaceChildren(
      ...result.situations.map((s) => {
        const option = document.createElement('option');
        option.value = s.id;
        option.textContent = MESSAGES.situationOption(s.id, s.title);
        return option;
      }),
    );
    situationSelect.dataset.ids = ids;
  }
  situationSelect.value = result.situation;

  showVars(result.variables, next.vars, previous);

  const items: HTMLLIElement[] = [];
  const first = document.createElement('li');
  first.className = 'line start';
  first.textContent = MESSAGES.start('[00:00.0]', result.situation, result.title);
  items.push(first);
  result.lines.forEach((line, index) => {
    const item = document.createElement('li');
    item.className = `line step type-${line.type}`;
    item.dataset.index = String(index);
    item.tabIndex = 0;
    const time = document.createElement('span');
    time.className = 'clock';
    time.textContent = line.clock;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = line.text;
    item.append(time, ' ', text);
    items.push(item);
  });
  const last = items[items.length - 1];
  if (result.lines.length > 0) last.classList.add('current');
  transcript.replaceChildren(...items);
  last.scrollIntoView({ block: 'nearest' });

  const waiting = result.waiting !== null;
  outcome.textContent = waiting ? '' : result.outcome.text;
  outcome.className = `outcome kind-${result.outcome.kind}`;
  outcome.hidden = waiting;
  prompt.hidden = !waiting;
  if (result.waiting) prompt.textContent = MESSAGES.waiting(`${result.waiting.timeoutMs / 1000} s`);
  replyAfter.max = result.waiting ? String(result.waiting.timeoutMs / 1000) : '';
  silent.disabled = !waiting;
  answers.disabled = !waiting;
  replyAfter.disabled = !waiting;
  back.disabled = next.answers === 0;
  if (waiting && document.activeElement !== replyAfter) silent.focus();
}

/** One input per declared variable; kept (not rebuilt) while the writer types in them. */
function showVars(variables: readonly string[], values: Record<string, string>, previous: SimulatorState | null): void {
  const same = previous && previous.result.variables.join('\u0000') === variables.join('\u0000');
  varsBox.hidden = variables.length === 0;
  if (same) return;
  const fields = variables.map((name) => {
    const label = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = `{${name}}`;
    const input = document.createElement('input');
    input.type = 'text';
    input.dataset.var = name;
    input.value = values[name] ?? '';
    input.placeholder = name;
    input.addEventListener('change', sendVars);
    label.append(caption, input);
    return label;
  });
  varsBox.replaceChildren(...fields);
}

function sendVars(): void {
  const vars: Record<string, string> = {};
  varsBox.querySelectorAll<HTMLInputElement>('input[data-var]').forEach((input) => {
    if (input.value !== '') vars[input.dataset.var!] = input.value;
  });
  vscode.postMessage({ type: 'vars', vars });
}

silent.addEventListener('click', () => vscode.postMessage({ type: 'answer', event: 'silence', afterMs: null }));
answers.addEventListener('click', () => {
  const seconds = Number(replyAfter.value);
  const afterMs = replyAfter.value !== '' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
  vscode.postMessage({ type: 'answer', event: 'reply', afterMs });
});
back.addEventListener('click', () => vscode.postMessage({ type: 'back' }));
restart.addEventListener('click', () => vscode.postMessage({ type: 'restart' }));
situationSelect.addEventListener('change', () => vscode.postMessage({ type: 'situation', id: situationSelect.value }));
transcript.addEventListener('click', (event) => {
  const item = (event.target as Element).closest<HTMLElement>('li[data-index]');
  if (item) vscode.postMessage({ type: 'reveal', index: Number(item.dataset.index) });
});
transcript.addEventListener('keydown', (event) => {
  const item = (event.target as Element).closest<HTMLElement>('li[data-index]');
  if (item && event.key === 'Enter') vscode.postMessage({ type: 'reveal', index: Number(item.dataset.index) });
});

vscode.postMessage({ type: 'ready' });
