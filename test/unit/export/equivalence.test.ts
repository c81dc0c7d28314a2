/**
 * Equivalence: each exported document, run by a small independent interpreter of its
 * platform (test/unit/export/walkers), says the same phrases, waits the same waits and ends
 * the same way as `sop simulate`, for every situation as the start and every sequence of
 * caller events (silence or reply at each wait) up to four long.
 */
import * as assert from 'node:assert/strict';
import { simulateCompiled } from '../../../server/src/language/simulate/index';
import { compileProgram } from '../../../server/src/language/compile/compile';
import type { ExportTarget } from '../../../server/src/language/export/index';
import { DEFAULT_AGENT_QUEUE as CONNECT_AGENT } from '../../../server/src/language/export/connect';
import { DEFAULT_AGENT_QUEUE as STUDIO_AGENT } from '../../../server/src/language/export/studio';
import { EXPORT_INPUTS, exportInput, loadInput, UNEXPORTABLE } from './inputs';
import { walkConnect } from './walkers/connect-walker';
import { walkStudio } from './walkers/studio-walker';
import { eventSequences, simulationTranscript, type Transcript } from './walkers/transcript';
import { walkVoiceXml } from './walkers/voicexml-walker';
import type { CallerEvent } from '../../../server/src/language/simulate/index';

const WALKERS: Record<Exclude<ExportTarget, 'phrases'>, (text: string, events: readonly CallerEvent[]) => Transcript> = {
  voicexml: (text, events) => walkVoiceXml(text, events),
  connect: (text, events) => walkConnect(text, events, CONNECT_AGENT),
  studio: (text, events) => walkStudio(text, events, STUDIO_AGENT),
};

const SEQUENCES = eventSequences(4);

function showBoth(expected: Transcript, actual: Transcript): string {
  return `sop simulate:\n  ${expected.join('\n  ')}\nexport:\n  ${actual.join('\n  ')}`;
}

describe('export: each platform behaves as sop simulate', () => {
  for (const input of EXPORT_INPUTS.filter((i) => i.name !== UNEXPORTABLE)) {
    for (const [target, walk] of Object.entries(WALKERS)) {
      it(`${input.name} on ${target}: every situation, every caller up to 4 events`, async () => {
        const program = await loadInput(input);
        const compiled = compileProgram(program);
        let runs = 0;
        for (const situation of Object.keys(compiled.ivr.situations)) {
          const result = exportInput(program, target as ExportTarget, { start: situation });
          assert.equal(result.files.length, 1, result.findings.map((f) => f.message).join('\n'));
          for (const events of SEQUENCES) {
            const expected = simulationTranscript(simulateCompiled(compiled, situation, events));
            const actual = walk(result.files[0].content, events);
            assert.deepEqual(actual, expected, `${situation} with [${events.join(', ')}] differs:\n${showBoth(expected, actual)}`);
            runs++;
          }
        }
        assert.ok(runs >= SEQUENCES.length);
      });
    }
  }
});
