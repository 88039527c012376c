// The minified build of big-integer is a separate module instance: a "second copy" of the package
// whose classes fail `instanceof` against the first, as happens with duplicated dependencies.
declare module 'big-integer/BigInteger.min.js' {
  import bigInt from 'big-integer';
  export default bigInt;
}
