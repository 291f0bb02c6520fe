// Role names as people read them. Shared by the server and the H5 bundle: keep it pure data.
export const roleLabels = {
  EMPLOYEE: '员工',
  MANAGER: '直属上级',
  HR_SPECIALIST: '人事专员',
  HR_MANAGER: '人事经理',
  FINANCE: '财务',
  ADMIN: '管理员',
} as const;
