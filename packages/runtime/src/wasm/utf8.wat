;; UTF-8 to UTF-16 for the string batch of the TL reader (src/string-batch.ts). The reader copies the
;; bytes around its strings into this memory; `convert` decodes a table of [start, end) byte ranges into
;; UTF-16LE code units in one call, and TextDecoder('utf-16le') then makes one string of all of them.
;; Built into src/wasm/utf8-module.ts by `npm run wasm:build`; a test checks that the two agree.
;;
;; Validation follows src/utf8.ts `invalidUtf8Offset`: no overlong forms, no surrogates, nothing above
;; U+10FFFF, complete sequences only. Invalid data only makes `convert` return -1: the reader then
;; decodes the value again in JS, which reports the offset (strict) or replaces the sequence (lenient).
(module
  (memory (export "memory") 4)

  ;; Whether bytes [src, end) hold EF BF BD, the UTF-8 of U+FFFD, which TextEncoder.encodeInto writes
  ;; for a lone surrogate (src/writer.ts checks its output with this instead of scanning the string).
  ;; Reads up to 15 bytes past end: 16 bytes per step are compared with EF, and each EF found before
  ;; end is checked for BF BD after it.
  (func (export "replacement") (param $src i32) (param $end i32) (result i32)
    (local $m i32) (local $left i32) (local $p i32)
    (block $done
      (loop $next
        (local.set $left (i32.sub (local.get $end) (local.get $src)))
        (br_if $done (i32.le_s (local.get $left) (i32.const 0)))
        (local.set $m
          (i8x16.bitmask (i8x16.eq (v128.load align=1 (local.get $src)) (i8x16.splat (i32.const 0xef)))))
        (if (i32.lt_u (local.get $left) (i32.const 16))
          (then
            (local.set $m
              (i32.and (local.get $m) (i32.sub (i32.shl (i32.const 1) (local.get $left)) (i32.const 1))))))
        (block $lanes
          (loop $lane
            (br_if $lanes (i32.eqz (local.get $m)))
            (local.set $p (i32.add (local.get $src) (i32.ctz (local.get $m))))
            (if (i32.and (i32.le_u (i32.add (local.get $p) (i32.const 3)) (local.get $end))
                         (i32.eq (i32.load16_u offset=1 align=1 (local.get $p)) (i32.const 0xbdbf)))
              (then (return (i32.const 1))))
            (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
            (br $lane)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $next)))
    (i32.const 0))

  ;; Entries [from, to) of the table at `table` (two i32 per entry: byte start, byte end) are decoded
  ;; one after another into code units at `units` (a byte address), starting at unit index `used`.
  ;; Each entry is overwritten by its [first unit, end unit) indexes. Returns the new unit count, or
  ;; -1 when an entry is not valid UTF-8.
  (func (export "convert") (param $table i32) (param $from i32) (param $to i32) (param $units i32) (param $used i32)
    (result i32)
    (local $entry i32) (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $entry (i32.add (local.get $table) (i32.shl (local.get $from) (i32.const 3))))
        (local.set $n
          (call $decode (i32.load (local.get $entry)) (i32.load offset=4 (local.get $entry))
            (i32.add (local.get $units) (i32.shl (local.get $used) (i32.const 1)))))
        (if (i32.lt_s (local.get $n) (i32.const 0)) (then (return (i32.const -1))))
        (i32.store (local.get $entry) (local.get $used))
        (local.set $used (i32.add (local.get $used) (local.get $n)))
        (i32.store offset=4 (local.get $entry) (local.get $used))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (local.get $used))

  ;; Decodes bytes [src, end) into code units at dst and returns their count, or -1 when the bytes are
  ;; not valid UTF-8. Reads up to 15 bytes past end and writes up to 32 bytes past the last unit: the
  ;; ASCII step loads and widens 16 bytes at a time and keeps those before the first non-ASCII byte.
  (func $decode (param $src i32) (param $end i32) (param $dst i32) (result i32)
    (local $out i32) (local $v v128) (local $m i32) (local $k i32)
    (local $c i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $cp i32) (local $w i64)
    (local.set $out (local.get $dst))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        ;; ASCII: widen 16 bytes, keep those before the first non-ASCII byte (or the end).
        (local.set $v (v128.load align=1 (local.get $src)))
        (v128.store align=1 (local.get $out) (i16x8.extend_low_i8x16_u (local.get $v)))
        (v128.store offset=16 align=1 (local.get $out) (i16x8.extend_high_i8x16_u (local.get $v)))
        (local.set $m (i8x16.bitmask (local.get $v)))
        (local.set $k (i32.ctz (i32.or (local.get $m) (i32.const 0x10000))))
        (if (i32.gt_u (local.get $k) (i32.sub (local.get $end) (local.get $src)))
          (then (local.set $k (i32.sub (local.get $end) (local.get $src)))))
        (local.set $src (i32.add (local.get $src) (local.get $k)))
        (local.set $out (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 1))))
        (br_if $outer (i32.eq (local.get $k) (i32.const 16)))
        ;; Non-ASCII sequences, one after another.
        (loop $inner
          (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
          (local.set $c (i32.load8_u (local.get $src)))
          (br_if $outer (i32.lt_u (local.get $c) (i32.const 0x80)))
          ;; Four 2-byte sequences (Cyrillic, Greek, ...) at once, as four 16-bit lanes lead | cont << 8:
          ;; leads 110xxxxx but not C0/C1 (some of bits 1-4 set), continuations 10yyyyyy.
          (if (i32.le_u (i32.add (local.get $src) (i32.const 8)) (local.get $end))
            (then
              (local.set $w (i64.load align=1 (local.get $src)))
              (if (i32.and
                    (i64.eq (i64.and (local.get $w) (i64.const 0xc0e0c0e0c0e0c0e0)) (i64.const 0x80c080c080c080c0))
                    (i64.eq
                      (i64.and
                        (i64.add (i64.and (local.get $w) (i64.const 0x001e001e001e001e)) (i64.const 0x7fff7fff7fff7fff))
                        (i64.const 0x8000800080008000))
                      (i64.const 0x8000800080008000)))
                (then
                  (i64.store align=1 (local.get $out)
                    (i64.or
                      (i64.shl (i64.and (local.get $w) (i64.const 0x001f001f001f001f)) (i64.const 6))
                      (i64.and (i64.shr_u (local.get $w) (i64.const 8)) (i64.const 0x003f003f003f003f))))
                  (local.set $src (i32.add (local.get $src) (i32.const 8)))
                  (local.set $out (i32.add (local.get $out) (i32.const 8)))
                  (br $inner)))))
          (if (i32.lt_u (local.get $c) (i32.const 0xe0))
            (then
              (if (i32.or (i32.lt_u (local.get $c) (i32.const 0xc2))
                          (i32.ge_u (i32.add (local.get $src) (i32.const 1)) (local.get $end)))
                (then (return (i32.const -1))))
              (local.set $c1 (i32.load8_u offset=1 (local.get $src)))
              (if (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80))
                (then (return (i32.const -1))))
              (i32.store16 (local.get $out)
                (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x1f)) (i32.const 6))
                        (i32.and (local.get $c1) (i32.const 0x3f))))
              (local.set $src (i32.add (local.get $src) (i32.const 2)))
              (local.set $out (i32.add (local.get $out) (i32.const 2)))
              (br $inner)))
          (if (i32.lt_u (local.get $c) (i32.const 0xf0))
            (then
              (if (i32.ge_u (i32.add (local.get $src) (i32.const 2)) (local.get $end))
                (then (return (i32.const -1))))
              (local.set $c1 (i32.load8_u offset=1 (local.get $src)))
              (local.set $c2 (i32.load8_u offset=2 (local.get $src)))
              (if (i32.ne (i32.and (i32.or (i32.shl (local.get $c1) (i32.const 8)) (local.get $c2)) (i32.const 0xc0c0))
                          (i32.const 0x8080))
                (then (return (i32.const -1))))
              (local.set $cp
                (i32.or (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x0f)) (i32.const 12))
                                (i32.shl (i32.and (local.get $c1) (i32.const 0x3f)) (i32.const 6)))
                        (i32.and (local.get $c2) (i32.const 0x3f))))
              ;; Overlong forms and surrogates.
              (if (i32.or (i32.lt_u (local.get $cp) (i32.const 0x800))
                          (i32.eq (i32.and (local.get $cp) (i32.const 0xf800)) (i32.const 0xd800)))
                (then (return (i32.const -1))))
              (i32.store16 (local.get $out) (local.get $cp))
              (local.set $src (i32.add (local.get $src) (i32.const 3)))
              (local.set $out (i32.add (local.get $out) (i32.const 2)))
              (br $inner)))
          (if (i32.or (i32.gt_u (local.get $c) (i32.const 0xf4))
                      (i32.ge_u (i32.add (local.get $src) (i32.const 3)) (local.get $end)))
            (then (return (i32.const -1))))
          (local.set $c1 (i32.load8_u offset=1 (local.get $src)))
          (local.set $c2 (i32.load8_u offset=2 (local.get $src)))
          (local.set $c3 (i32.load8_u offset=3 (local.get $src)))
          (if (i32.ne (i32.and (i32.or (i32.or (i32.shl (local.get $c1) (i32.const 16)) (i32.shl (local.get $c2) (i32.const 8)))
                                       (local.get $c3))
                               (i32.const 0xc0c0c0))
                      (i32.const 0x808080))
            (then (return (i32.const -1))))
          (local.set $cp
            (i32.or (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x07)) (i32.const 18))
                            (i32.shl (i32.and (local.get $c1) (i32.const 0x3f)) (i32.const 12)))
                    (i32.or (i32.shl (i32.and (local.get $c2) (i32.const 0x3f)) (i32.const 6))
                            (i32.and (local.get $c3) (i32.const 0x3f)))))
          (if (i32.or (i32.lt_u (local.get $cp) (i32.const 0x10000)) (i32.gt_u (local.get $cp) (i32.const 0x10ffff)))
            (then (return (i32.const -1))))
          (i32.store16 (local.get $out) (i32.add (i32.const 0xd7c0) (i32.shr_u (local.get $cp) (i32.const 10))))
          (i32.store16 offset=2 (local.get $out) (i32.or (i32.const 0xdc00) (i32.and (local.get $cp) (i32.const 0x3ff))))
          (local.set $src (i32.add (local.get $src) (i32.const 4)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (br $inner))))
    (i32.shr_u (i32.sub (local.get $out) (local.get $dst)) (i32.const 1))))
