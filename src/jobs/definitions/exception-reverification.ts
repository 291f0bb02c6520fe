import { reverifyInsuranceExceptions } from '../../services/exceptions/reverify-insurance-exceptions.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Quarterly re-check of approved insurance exceptions: a lawful ground (lawful-categories.ts) holds only while its proof does. */
export const exceptionReverification: JobDefinition = {
  name: 'exception-reverification',
  description: '社保例外季度复核：请员工上传最新证明材料（缴费记录、养老金领取证明等），发出后15日内未更新则例外失效并恢复增员',
  cron: '30 9 * * *',
  async run({ deps, asOf }) {
    const r = await reverifyInsuranceExceptions(deps, { asOf });
    return `${r.due} approved exception(s) due for re-verification: asked ${r.requested} employee(s) for a fresh proof, re-verified ${r.reverified}, lapsed ${r.lapsed}`;
  },
};
