import { z } from 'zod';
import { GUARDRAILS } from './index';

/** The README's guardrail table (`npm run docs` writes it): name, effect, parameters, AWS source. */
export function renderGuardrailCatalog(): string {
  const rows = [...GUARDRAILS.values()].map((g) => {
    const schema = z.toJSONSchema(g.parameters, { io: 'input' }) as { properties?: Record<string, { description?: string }>; required?: string[] };
    const params = Object.entries(schema.properties ?? {})
      .map(([name, p]) => `\`${name}\`${schema.required?.includes(name) ? ' (required)' : ''}: ${(p.description ?? '').replace(/\|/g, '\\|')}`)
      .join('<br>');
    return `| \`${g.name}\` | ${g.summary} | ${params || 'none'} | [AWS](${g.source}) |`;
  });
  return ['| guardrail | what it does | parameters | follows |', '|---|---|---|---|', ...rows].join('\n');
}
