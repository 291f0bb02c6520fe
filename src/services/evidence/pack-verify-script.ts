// verify.sh, shipped in every evidence pack: re-checks the pack with bash, sha256sum and openssl
// only, so nobody has to trust (or install) our software. Short on purpose: a reviewer should be
// able to read it in two minutes. It reads entries.txt ("<index> <payload path>" per line), folds
// each inclusion proof as in RFC 9162 §2.1.3.2, and checks attachments.txt ("<file> <signed file
// that records its SHA-256>").
export const VERIFY_SCRIPT = String.raw`#!/usr/bin/env bash
# 证据包核验脚本 / Evidence pack verifier. Needs only bash, sha256sum and openssl (>= 3.0).
# Run inside the unzipped pack:  bash verify.sh     Exit status 0 = every check passed.
set -u
fail=0
ok() { printf '通过 OK    %s\n' "$1"; }
bad() { printf '失败 FAIL  %s\n' "$1"; fail=1; }
hex() { sha256sum | sed 's/ .*//'; }
# RFC 6962 node hash: SHA-256(0x01 || left || right), from two hex strings.
node() { printf "$(printf '01%s%s' "$1" "$2" | sed 's/../\\x&/g')" | hex; }

sha256sum --quiet -c SHA256SUMS && ok 'SHA256SUMS: every file is intact' || bad 'SHA256SUMS: a file was changed or is missing'
openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in tree-head.txt -sigfile tree-head.sig >/dev/null 2>&1 \
  && ok 'tree-head.sig: Ed25519 signature over tree-head.txt' || bad 'tree-head.sig: signature does not match tree-head.txt'
size=$(sed -n 's/^size: //p' tree-head.txt)
root=$(sed -n 's/^root: //p' tree-head.txt)
key=$(sed -n 's/^key: //p' tree-head.txt)
[ "$(openssl pkey -pubin -in public-key.pem -outform DER | hex)" = "$key" ] \
  && ok "public-key.pem is key $key" || bad 'public-key.pem does not match the key id in tree-head.txt'

while read -r index payload; do
  entry="entries/$index.json"
  [ "$(sed -n 's/^{"createdAt":"[^"]*","employeeId":[^,]*,"index":\([0-9]*\),.*/\1/p' "$entry")" = "$index" ] \
    || { bad "$entry: not the entry at index $index"; continue; }
  want=$(sed -n 's/.*"payloadHash":"\([0-9a-f]*\)".*/\1/p' "$entry")
  if [ "$payload" = '-' ]; then bad "entry $index: payload file not in the pack"
  elif [ "$payload" = 'deleted-original' ]; then ok "entry $index: 原件已按保存期限删除 (original deleted at the end of its retention period; its SHA-256 stays in the entry)"
  elif [ "$(hex < "$payload")" = "$want" ]; then ok "entry $index: $payload has the SHA-256 recorded in the entry"
  else bad "entry $index: $payload does not have the SHA-256 $want recorded in the entry"; fi
  # Leaf hash = SHA-256(0x00 || entry bytes); then fold the audit path up to the root.
  r=$({ printf '\000'; cat "$entry"; } | hex)
  fn=$index; sn=$((size - 1)); valid=1
  while read -r p; do
    [ -n "$p" ] || continue
    if [ "$sn" -eq 0 ]; then valid=0; break; fi
    if [ $((fn % 2)) -eq 1 ] || [ "$fn" -eq "$sn" ]; then
      r=$(node "$p" "$r")
      while [ $((fn % 2)) -eq 0 ] && [ "$fn" -ne 0 ]; do fn=$((fn / 2)); sn=$((sn / 2)); done
    else
      r=$(node "$r" "$p")
    fi
    fn=$((fn / 2)); sn=$((sn / 2))
  done < "proofs/$index.txt"
  if [ "$valid" -eq 1 ] && [ "$sn" -eq 0 ] && [ "$r" = "$root" ]; then ok "entry $index: inclusion proof leads to root $root"
  else bad "entry $index: inclusion proof does not lead to the signed root"; fi
done < entries.txt

# Attachments (e.g. an uploaded proof) whose SHA-256 a signed entry or row payload records.
while read -r file ref; do
  h=$(hex < "$file")
  if [ -n "$(sed -n "/\"$h\"/p" "$ref")" ]; then ok "$file: its SHA-256 is recorded in $ref"
  else bad "$file: its SHA-256 is not the one recorded in $ref"; fi
done < attachments.txt

if [ -f tree-head.tsr ]; then
  printf 'INFO      tree-head.tsr: RFC 3161 time-stamp, %s\n' "$(openssl ts -reply -in tree-head.tsr -token_in -text 2>/dev/null | sed -n 's/^Time stamp: //p')"
fi
if [ "$fail" -eq 0 ]; then printf '结论：证据包完整、签名有效 / RESULT: pack verified\n'; else printf '结论：核验失败 / RESULT: verification FAILED\n'; fi
exit "$fail"
`;
