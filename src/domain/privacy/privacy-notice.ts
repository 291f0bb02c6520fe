// The privacy notice shown in the H5 on first use and always reachable from 我的 (个人信息保护法
// 第十七条: what is processed, why, how, how long, and how to exercise one's rights; 第三十条: for
// sensitive data also why it is necessary and the effect on the person). Raise the version when
// the text changes in substance: everyone is then asked to acknowledge it again.
import type { RetentionRules } from './retention-rules.ts';

export const PRIVACY_NOTICE_VERSION = 1;

export interface PrivacyNoticeSection {
  heading: string;
  items: string[];
}

export interface PrivacyNoticeText {
  version: number;
  title: string;
  basis: string;
  sections: PrivacyNoticeSection[];
}

/** GET /h5/privacy-notice: the text and this employee's acknowledgement of its version. */
export interface PrivacyNoticeView extends PrivacyNoticeText {
  /** ISO time of the caller's acknowledgement of this version; null when not yet (or not an employee). */
  acknowledgedAt: string | null;
}

/** The notice with the company's retention periods filled in. */
export function privacyNoticeText(r: RetentionRules): PrivacyNoticeText {
  return {
    version: PRIVACY_NOTICE_VERSION,
    title: '个人信息处理告知',
    basis: '依据《个人信息保护法》第十七条、第三十条告知；敏感个人信息按第二十八条、第二十九条处理',
    sections: [
      {
        heading: '处理哪些信息',
        items: [
          '身份信息：姓名、身份证号（敏感个人信息）、手机号、工号、部门、岗位、入职和离职日期。',
          '社保缴费：每月各险种的缴费基数、单位和个人缴纳金额。',
          '考勤：打卡时间；在工作台打卡时的位置（行踪信息，属敏感个人信息）。',
          '签署与证明：手写签名、签署的声明和通知书，以及您上传的证明材料（如退休证、原单位缴费记录）。',
        ],
      },
      {
        heading: '为什么处理',
        items: [
          '履行劳动合同和法定义务：为您办理社会保险登记和缴费（《社会保险法》第五十八条），每月告知缴费明细（第六十条），记录考勤和工资依据。',
          '打卡位置只用于判断是否在工作地点范围内打卡；证明材料只用于核实社保例外情形。',
          '签名、文件摘要记入防篡改证据台账，用于在劳动争议中证明双方的意思表示和送达。',
        ],
      },
      {
        heading: '保存多久',
        items: [
          `劳动合同、签署的声明和离职文书：离职后 ${r.contractsYearsAfterExit} 年（法定不少于 2 年，《劳动合同法》第五十条）。`,
          `工资和缴费记录：离职后 ${r.wageRecordsYearsAfterExit} 年；考勤记录：离职后 ${r.attendanceYearsAfterExit} 年（不少于 2 年）。`,
          `上传的证明材料：离职后 ${r.proofsYearsAfterExit} 年。打卡位置：打卡后 ${r.locationDays} 天。`,
          '期满后原件由系统自动删除，证据台账只保留文件摘要（文件的数字指纹），无法从摘要还原内容（第十九条、第四十七条）。',
        ],
      },
      {
        heading: '谁能看到',
        items: [
          '您本人可以查看自己的全部信息和文件。',
          '人事（人事专员、人事经理）和管理员按职责查看；直属上级只看到下属的考勤；财务只看到缴费数据。',
          '身份证号、手机号默认脱敏显示，查看完整号码和证明文件都会留痕。信息加密保存。',
          '除依法向社会保险经办机构、劳动争议仲裁机构或法院提供外，不向公司以外的任何人提供。',
        ],
      },
      {
        heading: '您的权利',
        items: [
          '您可以查阅、复制自己的信息，发现错误可以要求人事更正（第四十四条至第四十六条）。',
          '上传其他单位的缴费记录或养老保险信息前，系统会单独征得您的同意（第二十九条）。',
          '如有疑问或投诉，请联系公司人事部门。',
        ],
      },
    ],
  };
}
