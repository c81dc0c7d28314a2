import { strict as assert } from 'node:assert';
import { importLinksOf, parseSop } from '../../../server/src/language/index';
import { textAt } from './cursor';

describe('document links', () => {
  it('links each import path to the document it resolves to', () => {
    const text = 'import "closing.sop"\n引用 “../shared/greeting.sop”\nsituation a { end }\n';
    const file = parseSop('file:///work/scripts/main.sop', text);
    const links = importLinksOf(file);
    assert.deepEqual(links.map((l) => [textAt(file, l.span), l.target]), [
      ['closing.sop', 'file:///work/scripts/closing.sop'],
      ['../shared/greeting.sop', 'file:///work/shared/greeting.sop'],
    ]);
  });
});
