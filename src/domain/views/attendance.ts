// What callers see of a clock-in, shared by the services that build it and the H5 pages that show
// it (src/h5/pages/AttendancePage.vue, ClockInPage.vue). Times in BUSINESS_TZ, never the position (个人信息保护法 第二十八条).
// Types only: the H5 bundle gains no code from here.

export interface AttendanceView {
  id: string;
  employeeId: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** 'YYYY-MM-DD HH:mm' in BUSINESS_TZ */
  time: string;
  at: string;
  /** 'h5', 'wecom' or 'dingtalk' */
  source: string;
  kind: string;
  flags: string[];
  distanceM: number | null;
  insideFence: boolean | null;
  siteName: string | null;
  note: string | null;
}

/** POST /attendance/clock-in: the record, and whether it is an earlier tap returned again. */
export interface ClockInResponse {
  record: AttendanceView;
  repeated: boolean;
}

/** GET /attendance: clock-ins between two 'YYYY-MM-DD' days, newest first. */
export interface AttendanceList {
  from: string;
  to: string;
  records: AttendanceView[];
}

/** A work site (GET /work-sites): where employees may clock in. */
export interface WorkSiteView {
  id: string;
  name: string;
  address: string | null;
  /** WGS-84 */
  lat: number;
  lng: number;
  coordSystem: string;
  radiusM: number;
  active: boolean;
}
