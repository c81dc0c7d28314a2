import { strict as assert } from 'node:assert';
import { foldingRegionsOf } from '../../../server/src/language/index';
import { fileOf } from './cursor';

describe('folding ranges', () => {
  it('folds situations, braced branches and comment runs, keeping closing braces visible', () => {
    const text = [
      '# Silent calls.', // 0
      '# Ask twice, then hang up.', // 1
      'situation silent_call {', // 2
      '  say "您好!请问有什么可以帮您?"', // 3
      '  wait 5s', // 4
      '  reply {', // 5
      '    end', // 6
      '  }', // 7
      '  fallback {', // 8
      '    say "再见!"', // 9
      '    wait 5s', // 10
      '    hangup', // 11
      '  }', // 12
      '}', // 13
      '# One comment alone does not fold.', // 14
      'situation one_line { end }', // 15
    ].join('\n');
    assert.deepEqual(foldingRegionsOf(fileOf('a.sop', text)), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 12, kind: 'block' },
      { startLine: 5, endLine: 6, kind: 'block' },
      { startLine: 8, endLine: 11, kind: 'block' },
    ]);
  });

  it('folds up to a closing brace that shares a line with a step', () => {
    const text = 'situation a {\n  say "hi"\n  end }\n';
    assert.deepEqual(foldingRegionsOf(fileOf('a.sop', text)), [{ startLine: 0, endLine: 2, kind: 'block' }]);
  });

  it('folds a situation that does not parse', () => {
    const text = 'situation a {\n  say "hi"\n  sya "x"\n  end\n}\nsituation b { end }\n';
    assert.deepEqual(foldingRegionsOf(fileOf('a.sop', text)), [{ startLine: 0, endLine: 3, kind: 'block' }]);
  });
});
