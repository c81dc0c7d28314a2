/**
 * A walker for Amazon Connect flows as `sop export --target connect` writes them: from
 * `StartAction`, following `NextAction` and the `InputTimeLimitExceeded` (silence) and
 * `NoMatchingCondition` (an answer) errors of `GetParticipantInput`.
 */
import type { CallerEvent } from '../../../../server/src/language/simulate/index';
import { Caller, type Transcript } from './transcript';

interface Action {
  Identifier: string;
  Type: string;
  Parameters: Record<string, string>;
  Transitions: { NextAction?: string; Errors?: Array<{ NextAction: string; ErrorType: string }> };
}

export function walkConnect(text: string, events: readonly CallerEvent[], agentQueue: string): Transcript {
  const flow = JSON.parse(text) as { StartAction: string; Actions: Action[] };
  const actions = new Map(flow.Actions.map((a) => [a.Identifier, a]));
  const caller = new Caller(events);
  const error = (action: Action, type: string) => action.Transitions.Errors!.find((e) => e.ErrorType === type)!.NextAction;
  let id = flow.StartAction;
  for (;;) {
    const action = actions.get(id);
    if (!action) throw new Error(`no action ${id}`);
    if (caller.arrive(id)) return caller.transcript;
    const p = action.Parameters;
    switch (action.Type) {
      case 'MessageParticipant':
        if (p.PromptId !== undefined) caller.push('HOLD');
        else caller.say(spoken(p.Text));
        id = action.Transitions.NextAction!;
        break;
      case 'GetParticipantInput': {
        if (p.Text !== undefined) caller.say(spoken(p.Text));
        const event = caller.answer(Number(p.InputTimeLimitSeconds) * 1000);
        id = event === 'silence' ? error(action, 'InputTimeLimitExceeded') : error(action, 'NoMatchingCondition');
        break;
      }
      case 'UpdateContactTargetQueue': {
        const next = actions.get(action.Transitions.NextAction!)!;
        if (next.Type !== 'TransferContactToQueue') throw new Error(`${id}: the queue is set but never transferred to`);
        caller.push(p.QueueId === agentQueue ? 'AGENT' : `TRANSFER ${p.QueueId}`);
        return caller.transcript;
      }
      case 'DisconnectParticipant':
        caller.push('HANGUP');
        return caller.transcript;
      default:
        throw new Error(`unexpected action type ${action.Type}`);
    }
  }
}

/** Contact attributes back to the script's placeholders. */
function spoken(text: string): string {
  return text.replace(/\$\.Attributes\.\['([^']*)'\]/g, '{$1}');
}
