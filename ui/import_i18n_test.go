package ui

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// toolTranslations are the English and Chinese texts of the keys the
// issue-7 tools use (tx). They belong in assets/i18n/en.json and zh.json;
// UNBIND_PRINT_TOOL_I18N=1 go test -tags ci -run ToolTranslations ./ui/ -v
// prints both as JSON to merge there. Until then tx falls back to English.
var toolTranslations = map[string][2]string{
	"backup.title":      {"Back up the inventory", "备份账号清单"},
	"backup.pass":       {"Passphrase (at least 10 characters)", "口令（至少 10 个字符）"},
	"backup.again":      {"The same passphrase again", "再输入一遍口令"},
	"backup.plain":      {"Readable JSON, not encrypted (it shows every phone number and login: keep it on this computer)", "不加密的可读 JSON（会显示所有手机号和登录名：只留在这台电脑上）"},
	"backup.explain":    {"The backup is encrypted with this passphrase. Without it nobody can read the backup, and neither can you: write it down somewhere safe.", "备份会用这个口令加密。没有口令谁都打不开，你自己也一样：请把它记在安全的地方。"},
	"backup.next":       {"Choose file…", "选择文件…"},
	"backup.short":      {"Use a passphrase of at least 10 characters; a few words are easier to remember.", "口令至少要 10 个字符；用几个词组成更好记。"},
	"backup.mismatch":   {"The two passphrases differ; type them again.", "两次输入的口令不一致，请重新输入。"},
	"restore.pass":      {"The backup's passphrase", "备份的口令"},
	"restore.unlock":    {"Open", "打开"},
	"restore.encrypted": {"This backup is encrypted. Type its passphrase to see what it holds.", "这个备份是加密的。输入口令后才能看到其中的内容。"},
	"restore.wrong":     {"That passphrase does not open this backup. Nothing was restored; try again.", "这个口令打不开此备份。没有恢复任何内容，请再试一次。"},
	"backup.done": {"Saved {{.Accounts}} accounts, {{.Events}} history entries, {{.Reminders}} reminders and {{.Checks}} phone checks to {{.Path}}. Passwords and other secrets are not in the backup: they stay in this computer's keyring.",
		"已将 {{.Accounts}} 个账号、{{.Events}} 条历史记录、{{.Reminders}} 个提醒和 {{.Checks}} 次一证通查保存到 {{.Path}}。密码等机密信息不在备份里：它们留在这台电脑的系统钥匙串中。"},
	"backup.done.title":   {"Backup saved", "备份已保存"},
	"backup.failed.title": {"Backup failed", "备份失败"},
	"import.back":         {"Back", "返回"},
	"import.cancel":       {"Cancel", "取消"},
	"import.count":        {"{{.N}} of {{.M}} accounts selected.", "已选择 {{.N}} / {{.M}} 个账号。"},
	"import.detected":     {"{{.Format}}: {{.N}} logins read from {{.File}}.", "{{.Format}}：从 {{.File}} 读到 {{.N}} 条登录信息。"},
	"import.do":           {"Import {{.N}} accounts", "导入 {{.N}} 个账号"},
	"import.done":         {"Done", "完成"},
	"import.file.browse":  {"Choose…", "选择…"},
	"import.file.hint":    {"Delete the export file when you are done: it holds your passwords in plain text.", "导入完成后请删除导出文件：其中的密码是明文。"},
	"import.file.intro": {"Export your logins from Bitwarden, KeePassXC, Chrome or Edge, Firefox, 1Password or Apple Passwords as CSV (or Bitwarden as unencrypted JSON), then choose the file. It is only read, never changed, and nothing is imported before you confirm the preview.",
		"先从 Bitwarden、KeePassXC、Chrome 或 Edge、Firefox、1Password 或 Apple 密码中把登录信息导出为 CSV（Bitwarden 也可导出未加密的 JSON），再选择该文件。文件只会被读取，不会被修改；确认预览之前不会导入任何内容。"},
	"import.file.none":        {"Choose the export file first.", "请先选择导出文件。"},
	"import.file.placeholder": {"Path of the export file (.csv or .json)", "导出文件的路径（.csv 或 .json）"},
	"import.file.reading":     {"Reading the export…", "正在读取导出文件…"},
	"import.format":           {"Format:", "格式："},
	"import.format.auto":      {"Detect automatically", "自动识别"},
	"import.hidden":           {"{{.H}} entries are not on a shopping platform Unbind knows and are hidden.", "另有 {{.H}} 条不属于 Unbind 已知的购物平台，已隐藏。"},
	"import.next":             {"Next", "下一步"},
	"import.other_file":       {"Other file", "换一个文件"},
	"import.passwords":        {"Also store passwords in the system keyring", "同时把密码保存到系统钥匙串"},
	"import.row.here":         {"already here", "已在清单中"},
	"import.row.other":        {"Not a shopping platform", "非购物平台"},
	"import.row.password":     {"password", "有密码"},
	"import.select_all":       {"Select all", "全选"},
	"import.select_none":      {"Select none", "全不选"},
	"import.show_other":       {"Show entries that are not on a shopping platform", "显示非购物平台的条目"},
	"import.summary.done":     {"Imported: {{.Added}} added, {{.Merged}} merged into accounts already here, {{.Unchanged}} already up to date.", "已导入：新增 {{.Added}} 个，合并到已有账号 {{.Merged}} 个，{{.Unchanged}} 个已是最新。"},
	"import.summary.failed":   {"Nothing was imported: {{.Err}}", "没有导入任何内容：{{.Err}}"},
	"import.summary.pw_done":  {"{{.Stored}} passwords stored in the system keyring; {{.Kept}} accounts already had one, which was kept.", "已把 {{.Stored}} 个密码保存到系统钥匙串；{{.Kept}} 个账号原本已有密码，保持不变。"},
	"import.summary.pw_failed": {"The accounts are imported, but the system keyring failed: {{.Stored}} passwords stored, {{.NotStored}} not stored ({{.Err}}). Fix the keyring, then import the same file again with the option ticked: only the missing passwords are added.",
		"账号已导入，但系统钥匙串出错：已保存 {{.Stored}} 个密码，{{.NotStored}} 个未保存（{{.Err}}）。修好钥匙串后，勾选该选项再导入同一个文件：只会补上缺少的密码。"},
	"import.summary.pw_skipped":   {"{{.N}} passwords were not stored (the keyring option was off).", "{{.N}} 个密码未保存（未勾选保存到钥匙串）。"},
	"import.summary.title":        {"Summary", "结果"},
	"import.title":                {"Import accounts", "导入账号"},
	"phonecheck.all_known":        {"Unbind knows every account the SMS reports for {{.Phone}}. The check is saved in the history.", "短信中 {{.Phone}} 名下的账号 Unbind 都已记录。本次核对已保存到历史记录。"},
	"phonecheck.card.missing":     {"{{.Name}}: the SMS reports {{.Reported}}, Unbind knows {{.Known}} — {{.Missing}} to find", "{{.Name}}：短信显示 {{.Reported}} 个，Unbind 记录了 {{.Known}} 个——还有 {{.Missing}} 个待查"},
	"phonecheck.card.not_entered": {"{{.Name}}: not entered, but Unbind knows {{.Known}} accounts on this number", "{{.Name}}：未填写，但 Unbind 记录了此号码的 {{.Known}} 个账号"},
	"phonecheck.card.ok":          {"{{.Name}}: the SMS reports {{.Reported}}, Unbind knows them all", "{{.Name}}：短信显示 {{.Reported}} 个，Unbind 都已记录"},
	"phonecheck.card.platforms":   {"Where to look: {{.List}}", "去这些平台查找：{{.List}}"},
	"phonecheck.card.surplus":     {"{{.Name}}: Unbind knows {{.Known}}, more than the {{.Reported}} the SMS reports (closed already, or bound to another number now?)", "{{.Name}}：Unbind 记录了 {{.Known}} 个，多于短信显示的 {{.Reported}} 个（可能已注销，或已换绑其他号码？）"},
	"phonecheck.close":            {"Close", "关闭"},
	"phonecheck.compare":          {"Compare and save", "核对并保存"},
	"phonecheck.err.none":         {"Enter at least one company's count from the SMS.", "请至少填写短信中一家公司的账号数。"},
	"phonecheck.err.phone":        {"Enter the phone number the SMS is about (7 to 15 digits).", "请输入短信所查询的手机号（7 到 15 位数字）。"},
	"phonecheck.intro": {"The MIIT 一证通查 service answers with an SMS that lists how many accounts each large internet company holds for your phone number. Enter the counts from that SMS; leave a company empty if the SMS does not list it.",
		"工信部“一证通查”服务会用短信告诉你，各大互联网公司名下有多少个绑定你手机号的账号。请按短信填写数量；短信没有列出的公司留空即可。"},
	"phonecheck.missing":           {"The SMS reports {{.N}} accounts for {{.Phone}} that Unbind does not know about. The check is saved in the history.", "短信显示 {{.Phone}} 名下还有 {{.N}} 个账号 Unbind 没有记录。本次核对已保存到历史记录。"},
	"phonecheck.other.placeholder": {"Other companies, e.g. 百度=1 网易=2", "其他公司，例如 百度=1 网易=2"},
	"phonecheck.phone":             {"Phone number", "手机号"},
	"phonecheck.title":             {"Phone-number account check (一证通查)", "手机号账号核对（一证通查）"},
	"restore.bad":                  {"This file cannot be restored: {{.Err}}", "无法恢复此文件：{{.Err}}"},
	"restore.cancel":               {"Cancel", "取消"},
	"restore.close":                {"Close", "关闭"},
	"restore.confirm": {"The backup of {{.Date}} holds {{.Accounts}} accounts, {{.Events}} history entries, {{.Reminders}} reminders and {{.Checks}} phone checks. Restoring merges it into this inventory: accounts already here (same platform and login) are completed, never duplicated or overwritten.",
		"{{.Date}} 的备份包含 {{.Accounts}} 个账号、{{.Events}} 条历史记录、{{.Reminders}} 个提醒和 {{.Checks}} 次一证通查。恢复会把它合并到当前清单：已有的账号（同一平台、同一登录名）只补全空白信息，不会重复，也不会覆盖。"},
	"restore.do": {"Restore", "恢复"},
	"restore.done": {"Restored: {{.Added}} accounts added, {{.Merged}} completed, {{.Unchanged}} already up to date; {{.Events}} history entries and {{.Reminders}} reminders added.",
		"已恢复：新增 {{.Added}} 个账号，补全 {{.Merged}} 个，{{.Unchanged}} 个已是最新；新增 {{.Events}} 条历史记录和 {{.Reminders}} 个提醒。"},
	"restore.failed":  {"Nothing was restored: {{.Err}}", "没有恢复任何内容：{{.Err}}"},
	"restore.secrets": {"{{.N}} accounts had passwords or other secrets on the old computer; they are not in the backup — enter them again.", "{{.N}} 个账号在原电脑上保存了密码等机密信息；备份里没有这些信息，请重新填写。"},
	"restore.title":   {"Restore from a backup", "从备份恢复"},
}

var toolTx = regexp.MustCompile(`tx\(\s*"([^"]+)",((?:\s*"(?:[^"\\]|\\.)*"\s*\+?)+)`)
var toolQuoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

func TestToolTranslationsTable(t *testing.T) {
	files := []string{"import_tools.go", "import_wizard.go", "import_preview.go", "phonecheck_form.go", "backup_dialogs.go"}
	used := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range toolTx.FindAllStringSubmatch(string(src), -1) {
			var fallback strings.Builder
			for _, q := range toolQuoted.FindAllString(m[2], -1) {
				s, err := strconv.Unquote(q)
				if err != nil {
					t.Fatal(err)
				}
				fallback.WriteString(s)
			}
			key := m[1]
			used[key] = true
			tr, ok := toolTranslations[key]
			switch {
			case !ok:
				t.Errorf("%s: key %q is not in toolTranslations", f, key)
			case tr[0] != fallback.String():
				t.Errorf("%s: %q: the English in toolTranslations differs from the fallback", f, key)
			case tr[1] == "" || strings.Count(tr[1], "{{") != strings.Count(tr[0], "{{"):
				t.Errorf("%q: the Chinese text is missing or lacks a placeholder", key)
			}
		}
	}
	for key := range toolTranslations {
		if !used[key] {
			t.Errorf("toolTranslations has the unused key %q", key)
		}
	}
	if os.Getenv("UNBIND_PRINT_TOOL_I18N") == "1" {
		en, zh := map[string]string{}, map[string]string{}
		for k, v := range toolTranslations {
			en[k], zh[k] = v[0], v[1]
		}
		for _, m := range []map[string]string{en, zh} {
			b, _ := json.MarshalIndent(m, "", "  ")
			t.Logf("\n%s", b)
		}
	}
}
