// What the 员工 pages read: GET /api/v1/employees (list, masked) and GET /api/v1/employees/:id
// with its status history (src/http/routes/employee-view-schema.ts, list-status-history.ts).
export interface EmployeeSummary {
  id: string;
  employeeNo: string;
  name: string;
  department: { id: string; name: string };
  position: string | null;
  statusLabel: string;
  startDate: string;
  enrolledOn: string | null;
}

export interface EmployeeDetail extends EmployeeSummary {
  exitDate: string | null;
  manager: { id: string; employeeNo: string; name: string } | null;
  insuredCity: string | null;
  contractEntity: string | null;
  retirementCategoryLabel: string | null;
  notes: string[];
}

export interface StatusChangeItem {
  label: string;
  reason: string;
  actor: { name: string };
  at: string;
}
