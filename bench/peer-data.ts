/**
 * The Langium peer's benchmark inputs (`scripts/gen-data.mjs` of
 * `../shared/peers/langium-sop/`), rebuilt here so both implementations read byte-identical
 * files without depending on the peer's checkout. The sha256 values are the ones the peer's
 * README lists; `peerInput` refuses to hand out a file that does not match them.
 */
import { createHash } from 'node:crypto';

/** The peer's sizes: name → number of situations (lines = 1 + 10 × situations). */
export const PEER_SIZES = { '1k': 100, '10k': 1000, '50k': 5000 } as const;
export type PeerSize = keyof typeof PEER_SIZES;

/** The sha256 of each input, from the peer's README. */
export const PEER_SHA256: Record<PeerSize, string> = {
  '1k': '7e0d0eb61b05c4800450e5977fac0c5c7029a4b47dc4c7faf058afeef789e2b8',
  '10k': '1b794cd3308cf43af726f5d298fa3942fd11200b26f27858260c2a6af822fb3a',
  '50k': 'dff3e3acbd60bdae33a3a8f65735856de943c437f1265fbea49716313b33d3b5',
};

function situation(i: number): string {
  return (
    '\n' +
    `situation gen_${i} "生成的情景 ${i}" tags 生成 {\n` +
    `  say "您好,请问有什么可以帮您?第${i}号。"\n` +
    '  wait 5s\n' +
    '  fallback {\n' +
    '    say "对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见!"\n' +
    '    wait 5s\n' +
    (i % 10 === 9 ? '    goto gen_0\n' : '    hangup\n') +
    '  }\n' +
    '}\n'
  );
}

/** The text of one input, checked against the peer's published sha256. */
export function peerInput(size: PeerSize): string {
  const parts = ['script "bench"\n'];
  for (let i = 0; i < PEER_SIZES[size]; i++) parts.push(situation(i));
  const text = parts.join('');
  const sha = createHash('sha256').update(text).digest('hex');
  if (sha !== PEER_SHA256[size]) throw new Error(`bench-${size}.sop: sha256 ${sha}, expected ${PEER_SHA256[size]}`);
  return text;
}
