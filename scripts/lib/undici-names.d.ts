export const UNDICI_LOADER: string
export function undiciNamesTaken(chunks: Readonly<Record<string, string>>): string[]
