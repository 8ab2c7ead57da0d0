/** The kit's class for a part, followed by the host's own (the theme styles the first). */
export function kitClassName(kitClass: string, hostClass: string | undefined): string {
  return hostClass ? `${kitClass} ${hostClass}` : kitClass;
}
