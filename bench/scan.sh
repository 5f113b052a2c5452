#!/usr/bin/env bash
# Security scan of the running site with wapiti and sqlmap (Debian packages).
#
#   make run                      # in one terminal: the site at http://127.0.0.1:8000
#   bench/scan.sh [BASE_URL]      # in another; reports go to var/scan/
#
# Only ever point it at the site on this machine (loopback): it sends attack traffic.
set -euo pipefail
base="${1:-http://127.0.0.1:8000}"
case "$base" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "refusing to scan $base: loopback only" >&2; exit 2;; esac
command -v wapiti >/dev/null && command -v sqlmap >/dev/null || {
  echo "needs: apt-get install -y wapiti sqlmap" >&2; exit 2; }
out="$(cd "$(dirname "$0")/.." && pwd)/var/scan"
rm -rf "$out"; mkdir -p "$out"
slug="$(curl -s "$base/api/articles/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["slug"])')"

echo "== wapiti (all attack modules, bounded to 10 minutes)"
wapiti -u "$base/" --scope folder --max-scan-time 600 --flush-session \
  -m "xss,permanentxss,sql,timesql,exec,file,crlf,redirect,ssrf,csp,http_headers,cookieflags,methods" \
  -f txt -o "$out/wapiti.txt" >/dev/null 2>&1 || true
sed -n '/Summary of vulnerabilities/,/^\*\*\*\*/p' "$out/wapiti.txt" | head -40

echo "== sqlmap (search, article address, API filters)"
for target in "$base/search/?q=Baqeri&page=1" "$base/api/articles/?section=world&topic=iran&since=2020-01-01&page=1" "$base/articles/$slug/*"; do
  sqlmap -u "$target" --batch --level 3 --risk 2 --time-sec 2 --timeout 10 --retries 1 \
    --output-dir "$out/sqlmap" >>"$out/sqlmap.txt" 2>&1 || true
done
if grep -qiE "is vulnerable|parameter '.*' (appears|is) .*injectable" "$out/sqlmap.txt"; then
  echo "sqlmap: INJECTION FOUND (see $out/sqlmap.txt)"; exit 1
fi
echo "sqlmap: no injectable parameter found ($(grep -c 'testing ' "$out/sqlmap.txt") tests)"
