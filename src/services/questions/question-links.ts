// Where a question lives on the H5 (app.json pages) and the keys of its HR cards.
export const QUESTION_SUBJECT = 'employee_question';

export const questionPageUrl = (base: string, id: string) => `${base}/app/questions/${id}`;

/** `qst-<uuid without dashes>-<asked|esc>-<platform>`: valid as WeCom task_id / DingTalk outTrackId. */
export const questionCardKey = (id: string, part: 'asked' | 'esc', platform: string) => `qst-${id.replaceAll('-', '')}-${part}-${platform}`;
