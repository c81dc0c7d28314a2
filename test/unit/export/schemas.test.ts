/**
 * The checks the export tests rely on can fail: the Connect and Studio schemas and the
 * platform rules reject flows that break what the platforms document.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { repoRoot } from '../compile/load';
import { exportInput, EXPORT_INPUTS, loadInput } from './inputs';
import { checkConnectRules, checkStudioRules } from './platform-rules';

const ajv = new Ajv({ allErrors: true, strict: false });
const connectSchema = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema/connect-flow.schema.json'), 'utf8')));
const studioSchema = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema/studio-flow.schema.json'), 'utf8')));

async function exported(target: 'connect' | 'studio') {
  const input = EXPORT_INPUTS.find((i) => i.name === 'test/fixtures/compile/transfer-hold-promise.sop')!;
  return JSON.parse(exportInput(await loadInput(input), target).files[0].content);
}

describe('export: the platform checks reject broken flows', () => {
  it('Connect: an identifier with "/", a missing start, a dangling transition, a duplicate', async () => {
    const flow = await exported('connect');
    assert.equal(connectSchema(flow), true);
    const slash = structuredClone(flow);
    slash.Actions[0].Identifier = 'complaint_pending/1';
    assert.equal(connectSchema(slash), false);
    const bad = structuredClone(flow);
    bad.StartAction = 'nowhere';
    bad.Actions[1].Transitions.NextAction = 'gone';
    bad.Actions.push(bad.Actions[0]);
    assert.deepEqual(checkConnectRules(bad).sort(), [
      'StartAction nowhere is no action',
      `${bad.Actions[1].Identifier} goes to gone, which is no action`,
      `identifier ${bad.Actions[0].Identifier} is used twice`,
    ].sort());
  });

  it('Connect: a wait without its timeout branch, and too many actions', async () => {
    const flow = await exported('connect');
    const wait = flow.Actions.find((a: { Type: string }) => a.Type === 'GetParticipantInput');
    wait.Transitions.Errors = wait.Transitions.Errors.filter((e: { ErrorType: string }) => e.ErrorType !== 'InputTimeLimitExceeded');
    assert.equal(connectSchema(flow), false);
    const big = await exported('connect');
    while (big.Actions.length <= 250) big.Actions.push({ ...big.Actions[0], Identifier: `copy ${big.Actions.length}` });
    assert.equal(connectSchema(big), false);
  });

  it('Studio: a Chinese widget name, a dangling next, a second trigger', async () => {
    const flow = await exported('studio');
    assert.equal(studioSchema(flow), true);
    const named = structuredClone(flow);
    named.states[1].name = '投诉';
    assert.equal(studioSchema(named), false);
    const bad = structuredClone(flow);
    bad.states[1].transitions[0].next = 'gone';
    bad.states.push({ ...bad.states[0], name: 'Trigger2' });
    assert.deepEqual(checkStudioRules(bad), ['a flow has exactly one trigger', `${bad.states[1].name} goes to gone, which is no widget`]);
  });
});
