// One insurance exception as /api/v1/exceptions lists it, shared by the services that build it
// and the H5 pages that show it (src/h5/exception-types.ts). Types only: the H5 bundle gains no
// code from here.
import type { InsuranceExceptionStatus } from '../../generated/prisma/enums.ts';

export interface ExceptionListItem {
  id: string;
  /** 申请编号 as people read it (例外-2026-0007). */
  requestNo: string;
  employee: { id: string; name: string; employeeNo: string; department: string };
  kind: string;
  reasonCategory: string;
  reasonLabel: string;
  lawful: boolean;
  status: InsuranceExceptionStatus;
  statusLabel: string;
  /** A DRAFT's documents still missing ('declaration' or a proof kind, and the H5 path that supplies it); empty otherwise. */
  nextSteps: { key: string; label: string; link: string }[];
  createdAt: string;
  reverifyOn: string | null;
  lapsedOn: string | null;
}
