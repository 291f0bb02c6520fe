// One platform-neutral card. Renderers turn it into a WeCom template_card or DingTalk card
// data; the sandbox chat shows it as each platform would.

export type ButtonStyle = 'primary' | 'default' | 'danger' | 'warning';

export type CardButton =
  | { kind: 'action'; actionId: string; text: string; style: ButtonStyle }
  | { kind: 'link'; text: string; url: string };

export interface CardRow {
  label: string;
  value: string;
  /** 'danger': a legal risk, shown in red where the surface can (H5, sandbox). */
  tone?: 'danger';
}

export interface CardDecision {
  /** Shown instead of the buttons once decided, e.g. '已确认到岗'. */
  label: string;
  byName: string;
  /** ISO instant; rendered in Asia/Shanghai as 'YYYY-MM-DD HH:mm'. */
  at: string;
}

export interface CardModel {
  /** Card type id, e.g. 'onboarding.confirm'; listed in app.json "cards". */
  type: string;
  /** Unique per card instance: WeCom task_id / DingTalk outTrackId, [0-9a-zA-Z_\-@], ≤ 128. */
  key: string;
  title: string;
  subtitle?: string;
  /** 'urgent' renders with the platform's warning emphasis. */
  tone?: 'normal' | 'urgent';
  rows: CardRow[];
  /** The legal basis line, e.g. '依据《社会保险法》第五十八条'. */
  legalBasis?: string;
  buttons: CardButton[];
  /** Opening the card body goes here (an H5 page). */
  url?: string;
  decided?: CardDecision;
}
