/** The part of jStat (no published types) the lot statistics use. */
declare module 'jstat' {
  interface StudentT {
    cdf(x: number, dof: number): number;
    inv(p: number, dof: number): number;
  }
  const jStat: { studentt: StudentT };
  export default jStat;
}
