// Words the exit pages add to the server's views (src/domain/views/exits.ts).
export const answerLabel = (s: { answer: string | null; answerReturnOn: string | null }) =>
  s.answer === 'RETURN' ? `我将于 ${s.answerReturnOn} 返岗` : s.answer === 'RESIGNED' ? '我已离职' : null;
