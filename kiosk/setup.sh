#!/usr/bin/env bash
# 村务公开触摸屏一键设置 / One-step setup of a gongkai hall kiosk (Linux).
#
# Debian 11+/Ubuntu 20.04+; 统信UOS and 麒麟 Kylin work the same way (see kiosk/README.md).
# Installs Chromium if missing, optionally serves the built app from this
# machine, writes config.json, and starts Chromium full screen on the kiosk
# address at every login, restarting it whenever it exits or crashes.
#
#   sudo kiosk/setup.sh --serve /opt/gongkai/dist --feed-url https://县政府网站/feeds/村.json --kiosk-id 桂湾镇-桐溪村-1
#   sudo kiosk/setup.sh --url https://town.example.gov.cn/kiosk/
#   kiosk/setup.sh --dry-run ...      # prints what it would do, changes nothing
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FLAGS_FILE="$HERE/chromium-flags.conf"

DRY_RUN=0
URL=""
SERVE_DIR=""
PORT=4173
FEED_URL=""
KIOSK_ID=""
STATUS_URL=""
KIOSK_USER="${SUDO_USER:-${USER:-$(id -un)}}"
INSTALL_BROWSER=1
AUTOLOGIN=0
BROWSER=""
ALLOW_ORIGINS=()

usage() {
  cat <<'USAGE'
用法 / usage: kiosk/setup.sh [选项 / options]
  --url URL           触摸屏打开的地址 / the address the kiosk opens
                      (default with --serve: http://127.0.0.1:PORT/)
  --serve DIR         由本机提供已构建的程序（dist 目录）/ serve the built app (dist/) from this machine
  --port N            本机服务端口 / local port (default 4173)
  --feed-url URL      写入 config.json 的内容地址 / feedUrl written to DIR/config.json
  --kiosk-id ID       本机编号 / kioskId in config.json
  --status-url URL    状态上报地址 / statusUrl in config.json (heartbeat, docs/heartbeat.md)
  --user NAME         运行触摸屏的桌面用户 / the desktop user the kiosk runs as (default: the sudo user)
  --autologin         开机自动登录该用户（LightDM）/ log that user in automatically (LightDM)
  --browser PATH      使用指定的 Chromium 内核浏览器 / use this Chromium-based browser
  --allow-origin URL  另外允许打开的来源（可重复；图片、附件所在的服务器）/ one more origin the
                      browser may load (repeatable: where feed files live); the app's and feed's are always allowed
  --no-install        不安装 Chromium / do not install Chromium
  --dry-run           只显示将要做的事 / print what would be done, change nothing
  -h, --help          显示本帮助 / this help
USAGE
}

die() {
  echo "错误 / error: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="${2:?--url needs a value}"; shift 2 ;;
    --serve) SERVE_DIR="${2:?--serve needs a folder}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --feed-url) FEED_URL="${2:?--feed-url needs a value}"; shift 2 ;;
    --kiosk-id) KIOSK_ID="${2:?--kiosk-id needs a value}"; shift 2 ;;
    --status-url) STATUS_URL="${2:?--status-url needs a value}"; shift 2 ;;
    --user) KIOSK_USER="${2:?--user needs a name}"; shift 2 ;;
    --autologin) AUTOLOGIN=1; shift ;;
    --browser) BROWSER="${2:?--browser needs a path}"; shift 2 ;;
    --allow-origin) ALLOW_ORIGINS+=("${2:?--allow-origin needs a value}"); shift 2 ;;
    --no-install) INSTALL_BROWSER=0; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "未知选项 / unknown option: $1" ;;
  esac
done

case "$PORT" in '' | *[!0-9]*) die "--port 必须是数字 / --port must be a number" ;; esac
[ -f "$FLAGS_FILE" ] || die "缺少 / missing $FLAGS_FILE"
if [ -n "$SERVE_DIR" ]; then
  SERVE_DIR="$(cd "$SERVE_DIR" 2>/dev/null && pwd)" || die "--serve 目录不存在 / folder not found"
  [ -f "$SERVE_DIR/index.html" ] || die "$SERVE_DIR/index.html 不存在：请先 npm run build / not a built app: run npm run build first"
  [ -n "$URL" ] || URL="http://127.0.0.1:$PORT/"
fi
[ -n "$URL" ] || die "请用 --url 或 --serve 指定地址 / give --url or --serve"
if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then die "需要 root 权限：请用 sudo 运行（或先加 --dry-run 看看）/ needs root: run with sudo (or try --dry-run first)"; fi
if [ -n "$FEED_URL$KIOSK_ID$STATUS_URL" ] && [ -z "$SERVE_DIR" ]; then
  die "--feed-url/--kiosk-id/--status-url 需要 --serve（config.json 放在程序旁边）/ need --serve (config.json sits beside the app)"
fi

KIOSK_HOME="$(getent passwd "$KIOSK_USER" | cut -d: -f6 || true)"
if [ -z "$KIOSK_HOME" ]; then
  [ "$DRY_RUN" = 1 ] || die "用户不存在 / no such user: $KIOSK_USER"
  KIOSK_HOME="/home/$KIOSK_USER"
fi

# ------------------------------------------------------------------ helpers
step() { printf '\n== %s\n' "$*"; }

# runs a command, or prints it in a dry run
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] would run: %s\n' "$*"
  else
    "$@"
  fi
}

# writes stdin to a file (mode, owner), or prints it in a dry run
write_file() {
  local path="$1" mode="$2" owner="${3:-}" content
  content="$(cat)"
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] would write %s (mode %s%s):\n' "$path" "$mode" "${owner:+, owner $owner}"
    printf '%s\n' "$content" | sed 's/^/    | /'
    return
  fi
  mkdir -p "$(dirname "$path")"
  printf '%s\n' "$content" >"$path"
  chmod "$mode" "$path"
  if [ -n "$owner" ]; then chown "$owner" "$path"; fi
}

as_root() {
  if [ "$DRY_RUN" = 1 ] || [ "$(id -u)" = 0 ]; then
    run "$@"
  else
    die "需要 root 权限：请用 sudo 运行 / needs root: run with sudo"
  fi
}

json_string() {
  # a JSON string literal (quotes and backslashes escaped)
  local s="${1//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

find_browser() {
  local b
  for b in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
      command -v "$b"
      return 0
    fi
  done
  return 1
}

# ------------------------------------------------------------------ 1. Chromium
step "1. 浏览器 / browser"
if [ -n "$BROWSER" ]; then
  [ -x "$BROWSER" ] || [ "$DRY_RUN" = 1 ] || die "浏览器不可执行 / not executable: $BROWSER"
else
  BROWSER="$(find_browser || true)"
fi
if [ -n "$BROWSER" ]; then
  echo "已安装 / found: $BROWSER"
elif [ "$INSTALL_BROWSER" = 1 ]; then
  echo "未找到 Chromium，正在安装 / Chromium missing: installing"
  as_root apt-get update
  if [ "$DRY_RUN" = 1 ] || apt-cache show chromium >/dev/null 2>&1; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-wqy-microhei
    BROWSER=/usr/bin/chromium
  else
    # Ubuntu / UOS / Kylin name it chromium-browser
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium-browser fonts-wqy-microhei
    BROWSER=/usr/bin/chromium-browser
  fi
else
  die "未找到 Chromium（--no-install）/ no Chromium found (--no-install)"
fi

# ------------------------------------------------------------------ 1b. CJK font and Chinese locale (issue 17)
# fonts-wqy-microhei has no ℃ ① ㎡ (they showed blank); Noto CJK covers them. Without chromium-l10n
# (Debian) Chromium has only its English UI strings, and date fields read mm/dd/yyyy instead of 年/月/日.
step "1b. 中文字体与语言包 / CJK font and Chinese locale"
if fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  echo "已安装 / found: Noto Sans CJK"
elif [ "$INSTALL_BROWSER" = 1 ]; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-cjk
else
  echo "请安装 fonts-noto-cjk（含 ℃ ① ㎡）/ please install fonts-noto-cjk (it has ℃ ① ㎡)"
fi
case "$BROWSER" in
  */chromium)
    if [ -f /usr/lib/chromium/locales/zh-CN.pak ]; then
      echo "已安装 / found: Chromium zh-CN locale"
    elif [ "$INSTALL_BROWSER" = 1 ]; then
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium-l10n
    else
      echo "请安装 chromium-l10n / please install chromium-l10n"
    fi
    ;;
esac

# ------------------------------------------------------------------ 2. the app and config.json
if [ -n "$SERVE_DIR" ]; then
  step "2. 由本机提供程序 / serve the app from this machine: $SERVE_DIR on 127.0.0.1:$PORT"
  if [ -n "$FEED_URL$KIOSK_ID$STATUS_URL" ]; then
    if [ -f "$SERVE_DIR/config.json" ]; then run cp "$SERVE_DIR/config.json" "$SERVE_DIR/config.json.bak"; fi
    {
      printf '{\n'
      fields=()
      [ -n "$FEED_URL" ] && fields+=("  \"feedUrl\": $(json_string "$FEED_URL")")
      [ -n "$KIOSK_ID" ] && fields+=("  \"kioskId\": $(json_string "$KIOSK_ID")")
      [ -n "$STATUS_URL" ] && fields+=("  \"statusUrl\": $(json_string "$STATUS_URL")")
      (IFS=','; printf '%s\n' "${fields[*]}" | sed 's/,  "/,\n  "/g')
      printf '}'
    } | write_file "$SERVE_DIR/config.json" 644
  fi
  command -v python3 >/dev/null 2>&1 || [ "$DRY_RUN" = 1 ] || as_root apt-get install -y python3
  write_file /etc/systemd/system/gongkai-serve.service 644 <<UNIT
[Unit]
Description=gongkai kiosk app (村务公开触摸屏程序)
After=network.target

[Service]
User=$KIOSK_USER
ExecStart=/usr/bin/python3 -m http.server $PORT --bind 127.0.0.1 --directory $SERVE_DIR
Restart=always
RestartSec=3

[Install]
WantedBy=multi-user.target
UNIT
  as_root systemctl daemon-reload
  as_root systemctl enable --now gongkai-serve.service
else
  step "2. 程序地址 / app address: $URL (served elsewhere)"
fi

# ------------------------------------------------------------------ 3. browser policy
# A managed policy blocks every address but the app's and the feed's own (issue 18 §1): even a link
# the sanitiser and the page's navigation guard both missed goes nowhere.
origin_of() {
  # scheme://host[:port] of a URL, or nothing when it is not one
  printf '%s\n' "$1" | sed -n 's#^\([A-Za-z][A-Za-z0-9+.-]*://[^/?#]*\).*#\1#p'
}
case "$BROWSER" in
  *chromium-browser*) POLICY_DIR=/etc/chromium-browser/policies/managed ;;
  *google-chrome*) POLICY_DIR=/etc/opt/chrome/policies/managed ;;
  *) POLICY_DIR=/etc/chromium/policies/managed ;;
esac
ALLOWED=()
for u in "$URL" "$FEED_URL" "$STATUS_URL" "${ALLOW_ORIGINS[@]}"; do
  [ -n "$u" ] || continue
  o="$(origin_of "$u")"
  [ -n "$o" ] || die "不是网址 / not a URL: $u"
  case " ${ALLOWED[*]} " in *" $o "*) ;; *) ALLOWED+=("$o") ;; esac
done
ALLOW_JSON="$(for o in "${ALLOWED[@]}"; do json_string "$o"; printf ', '; done)"
step "3. 浏览器策略 / browser policy: $POLICY_DIR/gongkai.json (only ${ALLOWED[*]})"
write_file "$POLICY_DIR/gongkai.json" 644 <<POLICY
{
  "URLBlocklist": ["*"],
  "URLAllowlist": [${ALLOW_JSON%, }],
  "DeveloperToolsAvailability": 2,
  "DownloadRestrictions": 3
}
POLICY

# ------------------------------------------------------------------ 4. the launcher
step "4. 启动脚本 / launcher: /usr/local/bin/gongkai-kiosk"
FLAGS=()
while IFS= read -r line; do
  line="${line%%#*}"
  line="${line//[[:space:]]/}"
  [ -n "$line" ] && FLAGS+=("$line")
done <"$FLAGS_FILE"
FLAG_LINES="$(printf '  %q \\\n' "${FLAGS[@]}")"
PROFILE="$KIOSK_HOME/.local/share/gongkai-kiosk/profile"

write_file /usr/local/bin/gongkai-kiosk 755 <<LAUNCHER
#!/usr/bin/env bash
# Written by gongkai kiosk/setup.sh. Starts Chromium full screen on the kiosk
# address and starts it again whenever it exits or crashes.
URL=$(printf '%q' "$URL")
PROFILE="\${GONGKAI_PROFILE:-$PROFILE}"
mkdir -p "\$PROFILE"
# Chinese UI and date fields (年/月/日): Chromium on Linux takes its UI language from LANGUAGE, --lang alone is not enough
export LANGUAGE=zh_CN:zh LANG="\${LANG:-zh_CN.UTF-8}"
# no screen blanking in the hall (X11; Wayland desktops: see kiosk/README.md)
if command -v xset >/dev/null 2>&1 && [ -n "\${DISPLAY:-}" ]; then xset s off -dpms s noblank || true; fi
while true; do
  # after a crash or power cut Chromium would offer to "restore pages": mark the last exit clean
  prefs="\$PROFILE/Default/Preferences"
  if [ -f "\$prefs" ]; then
    sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' "\$prefs" || true
  fi
  $(printf '%q' "$BROWSER") \\
$FLAG_LINES
  --user-data-dir="\$PROFILE" "\$URL"
  echo "gongkai-kiosk: 浏览器已退出（\$?），3 秒后重启 / browser exited, restarting in 3 s" >&2
  sleep 3
done
LAUNCHER

# ------------------------------------------------------------------ 5. autostart
step "5. 登录后自动启动 / start at login for user $KIOSK_USER"
write_file "$KIOSK_HOME/.config/autostart/gongkai-kiosk.desktop" 644 "$KIOSK_USER" <<DESKTOP
[Desktop Entry]
Type=Application
Name=村务公开触摸屏 gongkai kiosk
Exec=/usr/local/bin/gongkai-kiosk
X-GNOME-Autostart-enabled=true
NoDisplay=false
DESKTOP

if [ "$AUTOLOGIN" = 1 ]; then
  step "6. 自动登录 / automatic login (LightDM)"
  if [ -d /etc/lightdm ] || [ "$DRY_RUN" = 1 ]; then
    write_file /etc/lightdm/lightdm.conf.d/50-gongkai-autologin.conf 644 <<LIGHTDM
[Seat:*]
autologin-user=$KIOSK_USER
autologin-user-timeout=0
LIGHTDM
  else
    echo "未发现 LightDM：请按 kiosk/README.md 在系统设置中开启自动登录 / no LightDM: turn on automatic login in the system settings (kiosk/README.md)"
  fi
fi

step "完成 / done"
if [ "$DRY_RUN" = 1 ]; then
  echo "这是演示运行，没有做任何改动 / dry run: nothing was changed"
else
  echo "重新登录或重启后，触摸屏会全屏打开 $URL / log in again or reboot: the kiosk opens $URL full screen"
fi
