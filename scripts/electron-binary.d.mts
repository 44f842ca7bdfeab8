export function electronBinary(root: string): { available: boolean; path?: string; reason?: string };
