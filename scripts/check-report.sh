#!/usr/bin/env bash
# Loads a report.html in headless Chromium and fails unless the page loads, every <img> is decoded
# (complete, naturalWidth > 0) and the page logs no error (script errors, failed resources, console.error).
#
#   scripts/check-report.sh DIR|FILE.html      (DIR: a run or JMH folder holding report.html)
#
# How: a copy of the page gets a small probe script as the first thing in <head>; it records every error
# event (scripts and resources, capture phase) and console.error, and on the load event writes one line
# into the DOM, which Chromium's --dump-dom prints. Chromium's own log (--enable-logging=stderr) is
# checked for uncaught errors too (it logs every console level as INFO, so console.error is caught by the probe). CHROMIUM=/path overrides /usr/bin/chromium (apt-get install -y chromium).
# Exit: 0 ok, 1 the page failed a check, 2 bad usage or no browser.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 DIR|FILE.html" >&2
  exit 2
fi
page=$1
[[ -d $page ]] && page=$page/report.html
if [[ ! -f $page ]]; then
  echo "check-report: no such file: $page" >&2
  exit 2
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "check-report: no browser at $chromium (apt-get install -y chromium)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

probe='<script>(function(){var errs=[];'\
'window.addEventListener("error",function(e){var t=e.target;'\
'errs.push(t&&t!==window&&(t.src||t.href)?"resource failed: "+String(t.src||t.href).slice(0,60):"script error: "+e.message);},true);'\
'window.addEventListener("unhandledrejection",function(e){errs.push("unhandled rejection: "+e.reason);});'\
'var ce=console.error;console.error=function(){errs.push("console.error: "+Array.prototype.join.call(arguments," "));return ce.apply(console,arguments);};'\
'window.addEventListener("load",function(){var imgs=document.images,bad=[];'\
'for(var i=0;i<imgs.length;i++){if(!imgs[i].complete||imgs[i].naturalWidth===0){bad.push(i+":"+(imgs[i].alt||""));}}'\
'var r=document.createElement("pre");r.id="report-check";'\
'r.textContent="REPORT-CHECK images="+imgs.length+" broken="+bad.length+" errors="+errs.length+" "+JSON.stringify({broken:bad,errors:errs});'\
'document.body.appendChild(r);});})();</script>'

content=$(<"$page")
if [[ $content != *"<head>"* ]]; then
  echo "check-report: FAIL $page has no <head>" >&2
  exit 1
fi
printf '%s<head>%s%s\n' "${content%%<head>*}" "$probe" "${content#*<head>}" > "$work/page.html"

set +e
timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
  --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=10000 \
  --dump-dom "file://$work/page.html" > "$work/dom.html" 2> "$work/chromium.log"
status=$?
set -e
if [[ $status -ne 0 ]]; then
  echo "check-report: FAIL chromium exited with $status; its log:" >&2
  tail -n 20 "$work/chromium.log" >&2
  exit 1
fi

# (the probe's own source is in the dump too: match the figures, not the script text)
result=$(grep -oE 'REPORT-CHECK images=[0-9]+ broken=[0-9]+ errors=[0-9]+ [^<]*' "$work/dom.html" | head -n 1 || true)
if [[ -z $result ]]; then
  echo "check-report: FAIL the page never finished loading (no load event) in $page" >&2
  exit 1
fi
console=$(grep -E 'Uncaught|ERROR:CONSOLE' "$work/chromium.log" || true)
images=$(sed -E 's/.*images=([0-9]+).*/\1/' <<<"$result")
if [[ $result != *" broken=0 errors=0 "* || -n $console ]]; then
  echo "check-report: FAIL $page: $result" >&2
  [[ -n $console ]] && echo "check-report: console: $console" >&2
  exit 1
fi
if [[ $images -lt ${MIN_IMAGES:-1} ]]; then
  echo "check-report: FAIL $page: $images images, expected at least ${MIN_IMAGES:-1}" >&2
  exit 1
fi
echo "check-report: ok $page: $images images loaded, no errors"
