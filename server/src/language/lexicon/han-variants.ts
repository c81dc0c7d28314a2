/**
 * Traditional → simplified folding for the characters of call-center speech. Scripts for
 * zh-TW or zh-HK lines (and part of the training material) are written in traditional
 * characters; folding both the lexicon and the text the same way lets one lexicon serve
 * both. Every pair is one UTF-16 unit to one, so folding keeps offsets. The table is
 * deliberately small: characters whose simplified form is ambiguous (乾/幹, 著, 覆) are left
 * out rather than guessed.
 */

// Read pairwise: the n-th character of TRADITIONAL folds to the n-th of SIMPLIFIED.
const TRADITIONAL =
  '這們個門為規對應該須認錯處沒辦裡裏問題請說話電號碼時間會幫聯繫係關於務與給讓謝歡帶來還錢費單據買賣貨換歸責從後麼嗎聽見聲點氣樣現發級長經員當場報滿錄記線網絡業種類簡確實證書機轉總體內較過進開閉難煩願樂愛親戶鐘週約幾萬兩變邊靜無啟購罰則計劃顧態產質訴訟論爭議辯釋決識觀視聞傳導師學習設備礙驗險隨續斷夠準況狀層領負專職權東車區標歉誤謂淨舊壞態顯務麗頭戲應答複雜隊話筆網頁輸熱鬧識衝嚴廣擾';
const SIMPLIFIED =
  '这们个门为规对应该须认错处没办里里问题请说话电号码时间会帮联系系关于务与给让谢欢带来还钱费单据买卖货换归责从后么吗听见声点气样现发级长经员当场报满录记线网络业种类简确实证书机转总体内较过进开闭难烦愿乐爱亲户钟周约几万两变边静无启购罚则计划顾态产质诉讼论争议辩释决识观视闻传导师学习设备碍验险随续断够准况状层领负专职权东车区标歉误谓净旧坏态显务丽头戏应答复杂队话笔网页输热闹识冲严广扰';

const fold = new Map<number, number>();
for (let i = 0; i < TRADITIONAL.length; i++) {
  if (TRADITIONAL[i] !== SIMPLIFIED[i]) fold.set(TRADITIONAL.charCodeAt(i), SIMPLIFIED.charCodeAt(i));
}

/** The simplified form of one UTF-16 unit, or the unit itself. */
export function foldHanVariant(code: number): number {
  return fold.get(code) ?? code;
}

/** The two halves of the table, for the test that keeps them aligned. */
export const hanVariantTable = { traditional: TRADITIONAL, simplified: SIMPLIFIED };
