/**
 * Offline checks of the Bicep templates (Bicep cannot be compiled here). The templates are small and written
 * in a regular style, so a careful textual reading is enough to check what matters: parameters, module wiring,
 * app settings and secrets. Each check returns its problems, so a test can also show that a check can fail.
 */
export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
  decorators: string[];
}

/** Parameters with the decorators written directly above them. */
export function parseParams(source: string): BicepParam[] {
  const lines = source.split('\n');
  const params: BicepParam[] = [];
  lines.forEach((line, i) => {
    const m = /^param\s+(\w+)\s+(\w+)(\s*=.*)?$/.exec(line.trim());
    if (!m) return;
    const decorators: string[] = [];
    for (let j = i - 1; j >= 0 && (lines[j] ?? '').trim().startsWith('@'); j--)
      decorators.unshift((lines[j] ?? '').trim());
    params.push({ name: m[1] ?? '', type: m[2] ?? '', hasDefault: Boolean(m[3]), decorators });
  });
  return params;
}

/** The source without comments, decorators and param declarations: where a parameter must be used. */
function body(source: string): string {
  return source
    .split('\n')
    .filter((l) => !/^\s*(@|param\s)/.test(l))
    .map((l) => l.replace(/\/\/.*$/, ''))
    .join('\n');
}

export function paramProblems(source: string): string[] {
  const problems: string[] = [];
  const code = body(source);
  for (const p of parseParams(source)) {
    if (!p.decorators.some((d) => /^@description\('.{10,}'\)$/.test(d)))
      problems.push(`${p.name}: no @description`);
    if (!new RegExp(`\\b${p.name}\\b`).test(code)) problems.push(`${p.name}: declared but never used`);
    const looksSecret = /secret|password|webhook|token|key$|connectionstring/i.test(p.name);
    const isSecure = p.decorators.includes('@secure()');
    if (looksSecret && !isSecure) problems.push(`${p.name}: looks like a secret but is not @secure()`);
    if (isSecure && new RegExp(`^output\\s.*\\b${p.name}\\b`, 'm').test(source))
      problems.push(`${p.name}: secure value in an output`);
  }
  return problems;
}

/** The text between the brace after `start` and its matching closing brace. */
export function block(source: string, start: number): string {
  const open = source.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return source.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

/** Top-level keys of an object literal's body. */
export function topLevelKeys(objectBody: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of objectBody.split('\n')) {
    const m = /^\s*'?([\w-]+)'?\s*:/.exec(line);
    if (depth === 0 && m) keys.push(m[1] ?? '');
    for (const ch of line) {
      if (ch === '{' || ch === '[') depth++;
      if (ch === '}' || ch === ']') depth--;
    }
  }
  return keys;
}

export interface ModuleUse {
  symbol: string;
  path: string;
  params: string[];
}

export function moduleUses(source: string): ModuleUse[] {
  const uses: ModuleUse[] = [];
  const re = /^module\s+(\w+)\s+'([^']+)'\s*=/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const moduleBody = block(source, m.index);
    const at = moduleBody.search(/^\s*params\s*:/m);
    uses.push({
      symbol: m[1] ?? '',
      path: m[2] ?? '',
      params: at < 0 ? [] : topLevelKeys(block(moduleBody, at)),
    });
  }
  return uses;
}

/** Every module call passes exactly known parameters, and every required one. */
export function wiringProblems(use: ModuleUse, moduleSource: string): string[] {
  const declared = parseParams(moduleSource);
  const problems: string[] = [];
  for (const p of use.params) {
    if (!declared.some((d) => d.name === p)) problems.push(`${use.symbol}: passes unknown parameter ${p}`);
  }
  for (const d of declared) {
    if (!d.hasDefault && !use.params.includes(d.name))
      problems.push(`${use.symbol}: required parameter ${d.name} not passed`);
  }
  return problems;
}

/** The KR_* app settings the Function App module sets (keys of the `appSettings` variable). */
export function krSettingKeys(functionAppSource: string): string[] {
  const at = functionAppSource.search(/^var appSettings\s*=/m);
  if (at < 0) return [];
  const end = functionAppSource.indexOf('\n)\n', at);
  const text = functionAppSource.slice(at, end < 0 ? undefined : end);
  return [...text.matchAll(/\b(KR_[A-Z0-9_]+)\s*:/g)].map((m) => m[1] ?? '');
}

/** Things that must never be written into a template or parameter file. */
export const secretPatterns: [string, RegExp][] = [
  ['storage account key', /AccountKey=/i],
  ['shared access signature', /SharedAccessSignature=|[?&]sig=[A-Za-z0-9%]/],
  ['listKeys() (shared-key access)', /listKeys\s*\(/],
  [
    'a Workflows/Logic Apps URL',
    /https:\/\/[\w.-]*(logic\.azure\.com|powerplatform\.com|powerautomate\.com)/i,
  ],
  ['an Office 365 connector URL', /webhook\.office\.com/i],
  ['an instrumentation key', /InstrumentationKey=/i],
  ['a JWT', /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['an Entra client secret', /['"][A-Za-z0-9_.-]*~[A-Za-z0-9_.~-]{30,}['"]/],
  ['a password literal', /password\s*[:=]\s*'[^']+'/i],
];

export function secretProblems(file: string, text: string): string[] {
  return secretPatterns.filter(([, re]) => re.test(text)).map(([what]) => `${file}: contains ${what}`);
}
