// app.json: the mini-app manifest. The server registers H5 routes from it and a test keeps
// the H5 router in sync with it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const roleOrPublic = z.enum(['PUBLIC', 'EMPLOYEE', 'MANAGER', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN']);

export const manifestSchema = z.object({
  name: z.string(),
  id: z.string(),
  description: z.string(),
  h5: z.object({
    base: z.string().startsWith('/'),
    home: z.string().startsWith('/'),
    pages: z.array(z.object({ path: z.string().startsWith('/'), name: z.string(), title: z.string(), roles: z.array(roleOrPublic).min(1) })).min(1),
  }),
  workbench: z.object({ title: z.string(), entry: z.string(), description: z.string() }),
  jsapi: z.object({ wecom: z.array(z.string()), dingtalk: z.array(z.string()) }),
  callbacks: z.object({ wecom: z.string(), dingtalk: z.string(), sandbox: z.string() }),
  cards: z.array(z.object({ id: z.string(), title: z.string(), actions: z.array(z.string()) })),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function loadManifest(path: string): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
