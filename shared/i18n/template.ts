/** Fills i18next-style {{param}} outside i18next (CLI, main); a missing param stays visible. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? `{{${key}}}`));
}
