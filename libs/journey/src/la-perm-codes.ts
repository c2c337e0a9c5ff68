/**
 * LA_PERM values the 903 accepts (rule 633): an English local authority's three-digit DfE code, or
 * WAL, SCO, NUK, NIR for an order made outside England. The codes are the DfE's LA numbers as the
 * DfE's own 903 validator lists them for rule 633 (csc-validator-be-903, lac2022_23/rule_633.py,
 * the validator `tools/validate903.sh` runs), 999 included as it lists it. A shape check alone let
 * `100` through, which names no authority and fails the return.
 */
const ENGLISH_LA_NUMBERS: readonly string[] = [
  '201 202 203 204 205 206 207 208 209 210 211 212 213 301 302 303 304 305 306 307',
  '308 309 310 311 312 313 314 315 316 317 318 319 320 330 331 332 333 334 335 336',
  '340 341 342 343 344 350 351 352 353 354 355 356 357 358 359 370 371 372 373 380',
  '381 382 383 384 390 391 392 393 394 420 800 801 802 803 805 806 807 808 810 811',
  '812 813 815 816 821 822 823 825 826 830 831 835 836 837 840 841 845 846 850 851',
  '852 855 856 857 860 861 865 866 867 868 869 870 871 872 873 874 876 877 878 879',
  '880 881 882 883 884 885 886 887 888 889 890 891 892 893 894 895 896 908 909 916',
  '919 921 925 926 928 929 931 933 935 936 937 938 999',
]
  .join(' ')
  .split(' ');

const OUTSIDE_ENGLAND: readonly string[] = ['WAL', 'SCO', 'NUK', 'NIR'];

const LA_PERM_CODES: ReadonlySet<string> = new Set<string>([...ENGLISH_LA_NUMBERS, ...OUTSIDE_ENGLAND]);

/** True for a value the 903's LA_PERM may hold (rule 633). */
export const isLaPermCode = (value: unknown): value is string =>
  typeof value === 'string' && LA_PERM_CODES.has(value);

/** The rule in words, for refusals. */
export const LA_PERM_RULE =
  "an English authority's three-digit DfE code (e.g. 383 Leeds), or WAL, SCO, NUK, NIR for an order made outside England";
