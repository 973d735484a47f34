#!/usr/bin/env bash
# make screenshots: start the real (cgo-built) app under Xvfb on freshly
# written demo data and capture the main window in Chinese and English,
# light and dark, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs/screenshots
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill ${app:-} ${xvfb:-} 2>/dev/null || true; rm -rf "$work"' EXIT

echo "screenshots: building the app"
go build -o "$work/unbind" ./cmd/unbind
CGO_ENABLED=0 go build -o "$work/unbindctl" ./cmd/unbindctl

# A display number nobody else uses (several people may run this at once):
# two runs can pick the same free number at once, and then one Xvfb exits;
# so keep the first number whose Xvfb is ours and still running.
disp=""
for n in $(seq 70 120); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
  sleep 0.3
  if kill -0 "$xvfb" 2>/dev/null; then disp=":$n"; break; fi
done
[ -n "$disp" ] || { echo "screenshots: no free X display"; exit 1; }

# evidence_files DATA LANG PLATFORM: attach evidence to the platform's
# first account with unbindctl, as a person would in the GUI: a
# confirmation screenshot, the customer-service chat and a PDF receipt.
# Prints the account's ID.
evidence_files() {
  local data=$1 lang=$2 platform=$3 id shot=deletion-confirmation.png chat=customer-service-chat.txt pdf=receipt.pdf
  [ "$lang" = zh ] && shot=注销申请截图.png chat=客服聊天记录.txt pdf=注销回执.pdf
  id=$("$work/unbindctl" --data-dir "$data" account list | awk -v p="$platform" '$2 == p { print $1; exit }')
  convert -size 360x640 xc:'#f5f5f5' -fill '#e02e24' -draw "rectangle 0,0 360,70" \
    -font assets/fonts/wqy-microhei-subset.ttf -fill white -pointsize 24 -annotate +20+45 "账号注销" \
    -fill '#222' -pointsize 22 -annotate +40+200 "注销申请已提交" -pointsize 16 -fill '#666' \
    -annotate +40+240 "申请时间 2026-11-20 10:32" -annotate +40+270 "15 天后生效，期间请勿登录" "$work/$shot"
  printf '客服 10:41：您好，您的账号注销申请已受理，请在 15 天内不要登录。\n我 10:42：好的，谢谢。\n' >"$work/$chat"
  "$work/unbindctl" --data-dir "$data" report -o "$work/$pdf" >/dev/null
  for f in "$shot" "$chat" "$pdf"; do
    "$work/unbindctl" --data-dir "$data" evidence add "$id" "$work/$f" >/dev/null
  done
  echo "$id"
}

# shoot LANG THEME SELECT NAME [ACTION]: one screenshot of the main window.
# ACTION: settings (open Settings with Ctrl+,), small (a 900×600 window),
# empty (a new data folder: the empty state),
# nokeyring (a real data folder, no Secret Service, the Credentials tab),
# agenda (View → Agenda with Ctrl+T), agenda-small (the same at 900×600),
# phonecheck (two 一证通查 SMS pasted: the result in the main pane).
# evidence (a real data folder, evidence files on SELECT's main track,
# scrolled down to them).
shoot() {
  local lang=$1 theme=$2 select=$3 name=$4 action=${5:-} locale=en_US.UTF-8
  # SHOTS=regex takes only the screenshots whose names match.
  if [ -n "${SHOTS:-}" ] && ! [[ $name =~ $SHOTS ]]; then return 0; fi
  local args=(--demo --select "$select")
  if [ "$action" = nokeyring ]; then
    # unbindctl writes the demo into a real folder; with no keyring on the
    # private bus the GUI must say so in its own words.
    "$work/unbindctl" --data-dir "$work/data-$name" demo --lang "$lang" >/dev/null
    args=(--data-dir "$work/data-$name" --select "$select" --tab credentials)
  fi
  if [ "$action" = empty ]; then
    args=(--data-dir "$work/data-$name") # a new person: no accounts yet
  fi
  if [ "$action" = phonecheck ]; then
    # Two 一证通查 result SMS of the demo number, pasted one after the
    # other: the result view compares the second with the first.
    printf '%s\n' '【工信部反诈中心】您查询的手机号码13812345678关联的互联网账号：腾讯2个，阿里巴巴2个，支付宝1个，京东2个，美团1个，抖音2个。' >"$work/sms-1.txt"
    printf '%s\n' '【工信部反诈中心】(1/2)您查询的手机号码13812345678关联的互联网账号：腾讯2个，阿里巴巴2个，支付宝1个，' \
      '【工信部反诈中心】(2/2)京东1个，美团1个，抖音2个，百度1个，共计10个账号。' >"$work/sms-2.txt"
    args+=(--phone-check-sms "$work/sms-1.txt,$work/sms-2.txt")
  fi
  if [ "$action" = evidence ]; then
    "$work/unbindctl" --data-dir "$work/data-$name" demo --lang "$lang" >/dev/null
    args=(--data-dir "$work/data-$name" --select "$(evidence_files "$work/data-$name" "$lang" "$select")")
  fi
  [ "$lang" = zh ] && locale=zh_CN.UTF-8
  # A private session bus that starts no services: no keyring prompt, no
  # notification popping up over the window, nothing left running.
  dbus-run-session --config-file=.ci/dbus-no-services.conf -- \
    env DISPLAY="$disp" LANG="$locale" LC_ALL= LANGUAGE= \
    UNBIND_LANG="$lang" FYNE_THEME="$theme" FYNE_SCALE=1 UNBIND_DATA_DIR="$work/data-$name" \
    "$work/unbind" "${args[@]}" >"$work/$name.log" 2>&1 &
  app=$!
  local win=""
  for _ in $(seq 100); do
    win=$(DISPLAY="$disp" xdotool search --onlyvisible --name '^(Unbind|解绑助手)' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  if [ -z "$win" ]; then
    echo "screenshots: the window did not appear ($name)"; cat "$work/$name.log"; exit 1
  fi
  case $action in
    small) DISPLAY="$disp" xdotool windowsize "$win" 900 600 ;;
  esac
  if [ "$action" = agenda-small ]; then
    DISPLAY="$disp" xdotool windowsize "$win" 900 600
  fi
  sleep 2.5 # let the inventory load and the first frames settle
  if [ "$action" = settings ]; then
    DISPLAY="$disp" xdotool key --window "$win" ctrl+comma
    sleep 1
  fi
  if [ "$action" = agenda ] || [ "$action" = agenda-small ]; then
    DISPLAY="$disp" xdotool key --window "$win" ctrl+t # View → Agenda
    sleep 1
  fi
  if [ "$action" = evidence ]; then
    # Scroll the Steps tab down to the track's evidence files (English
    # wraps the header to more lines), over a plain spot: an entry under
    # the pointer would take the wheel.
    local scroll=72
    [ "$lang" = en ] && scroll=76
    DISPLAY="$disp" xdotool mousemove 1168 420 click --repeat "${EVIDENCE_SCROLL:-$scroll}" --delay 30 5
    sleep 1
  fi
  # The pointer starts in the screen's centre, over the window. Fyne
  # updates hover on motion, so move it over a plain spot and then off the
  # window: nothing shows a hover highlight.
  DISPLAY="$disp" xdotool mousemove 800 130
  sleep 0.3
  DISPLAY="$disp" xdotool mousemove 1279 799
  sleep 0.5
  DISPLAY="$disp" import -window "$win" "$out/$name.png"
  kill "$(DISPLAY="$disp" xdotool getwindowpid "$win")" 2>/dev/null || kill "$app"
  wait "$app" 2>/dev/null || true
  app=""
  echo "screenshots: $out/$name.png"
}

for lang in zh en; do
  for theme in light dark; do
    shoot "$lang" "$theme" taobao "main-$lang-$theme"
  done
done
# The review deadline in working days, as a submitted account shows it.
shoot zh light tmall "review-zh-light"
shoot en dark tmall "review-en-dark"
# An account in its cooling-off: the standing "do not sign in" warning.
shoot zh light douyin "cooling-off-zh-light"
shoot en light douyin "cooling-off-en-light"
# Daily use: Settings with the language, theme and due-hour switches; a
# 900×600 window; the keyring missing, in the person's language.
shoot zh light taobao "settings-zh-light" settings
shoot en dark taobao "settings-en-dark" settings
shoot zh light tmall "small-zh-light" small
shoot en light tmall "small-en-light" small
shoot zh light jd "keyring-missing-zh-light" nokeyring
shoot en light jd "keyring-missing-en-light" nokeyring
# The agenda: every account's reminders by Overdue / Today / This week /
# Later, in both themes and in a 900×600 window.
shoot zh light taobao "agenda-zh-light" agenda
shoot en dark taobao "agenda-en-dark" agenda
shoot en light taobao "agenda-small-en-light" agenda-small
shoot zh dark taobao "agenda-small-zh-dark" agenda-small
# A new person's first window: what Unbind does, typeset as Chinese is.
shoot zh light "" "empty-zh-light" empty
shoot en light "" "empty-en-light" empty
# The campaign at a glance: the overview is the first view once there are
# accounts (no --select); and at 900×600, where it scrolls.
shoot zh light "" "overview-zh-light"
shoot en dark "" "overview-en-dark"
shoot en light "" "overview-small-en-light" small
# Page 1 of the audit report, as the PDF prints it, from the demo data.
for lang in zh en; do
  if [ -n "${SHOTS:-}" ] && ! [[ report-page1-$lang =~ $SHOTS ]]; then continue; fi
  "$work/unbindctl" --data-dir "$work/data-report-$lang" demo --lang "$lang" >/dev/null
  "$work/unbindctl" --data-dir "$work/data-report-$lang" report --lang "$lang" -o "$work/report-$lang.pdf" >/dev/null
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/report-$lang.pdf" "$out/report-page1-$lang"
  echo "screenshots: $out/report-page1-$lang.png"
done
# The 一证通查 result in the main pane: a second SMS against the first.
shoot zh light taobao "phone-check-zh-light" phonecheck
shoot en light taobao "phone-check-en-light" phonecheck
# A track with evidence files: thumbnail, chat and PDF, with their hashes.
shoot zh light jd "evidence-zh-light" evidence
shoot en light jd "evidence-en-light" evidence
