/**
 * Equivalence: each exported document, run by a small independent interpreter of its
 * platform (test/unit/export/walkers), says the same phrases, waits the same waits and ends
 * the same way as `sop simulate`, for every situation as the start and every sequence of
 * caller events (silence or reply at each wait) up to four long.
 */
import * as assert from 'node:assert/strict';
import { simulateCompiled } from '../../../server/src/language/simulate/index';
import { compileProgram } from '../../../server/src/language/compile/compile';
import { exportProgram, type ExportTarget } from '../../../server/src/language/export/index';
import { loadTexts } from '../graph/load';
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

/** Scripts whose shapes the samples lack: a ladder whose rungs answer differently, holds, notes. */
const EXTRA_SCRIPTS: Record<string, string> = {
  'ladder-replies.sop': `var 姓氏
situation ladder "三次询问" {
  say "您好,{姓氏}先生?"
  wait 5s
  reply { say "好的,请讲。" end }
  fallback {
    say "您好,请问能听到吗?"
    say "请您说话。"
    wait 3s
    reply { say "听到了,请讲。" transfer "投诉处理组" }
    fallback {
      say "再见!"
      wait 5s
      reply goto ladder
      fallback hangup
    }
  }
}
situation mixed {
  note "for the agent"
  hold 30s
  say "Thanks for holding."
  wait 4s
  fallback {
    promise 24h "call back"
    hold
    goto ladder
  }
  say "Go ahead."
  end
}
`,
};

describe('export: each platform behaves as sop simulate', () => {
  for (const [name, text] of Object.entries(EXTRA_SCRIPTS)) {
    for (const [target, walk] of Object.entries(WALKERS)) {
      it(`${name} on ${target}: every situation, every caller up to 4 events`, async () => {
        const program = await loadTexts({ [name]: text });
        const compiled = compileProgram(program);
        for (const situation of Object.keys(compiled.ivr.situations)) {
          const result = exportProgram(program, target as ExportTarget, { start: situation });
          assert.equal(result.files.length, 1, result.findings.map((f) => f.message).join('\n'));
          if (target === 'voicexml' && situation === 'ladder') assert.match(result.files[0].content, /<noinput count="2">/);
          for (const events of SEQUENCES) {
            const expected = simulationTranscript(simulateCompiled(compiled, situation, events));
            const actual = walk(result.files[0].content, events);
            assert.deepEqual(actual, expected, `${situation} with [${events.join(', ')}] differs:\n${showBoth(expected, actual)}`);
          }
        }
      });
    }
  }

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
