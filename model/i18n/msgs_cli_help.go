package i18n

// cliHelpMessages are the verbs' one-line summaries (rapport --help) and the
// flags' usages (rapport VERB --help). Command, flag and argument names
// (`DATE`, KEY) stay English.
func cliHelpMessages() []Msg {
	return []Msg{
		{Key: "the launch triage: overdue, due today, at risk, rotting, to touch", Zh: "今日待办：逾期、今日到期、流失风险、停滞商机、待联系"},
		{Key: "customers", Zh: "客户列表"},
		{Key: "a customer's 360° view", Zh: "客户 360° 视图"},
		{Key: "add a customer", Zh: "添加客户"},
		{Key: "change a customer", Zh: "修改客户"},
		{Key: "add a person at a customer", Zh: "为客户添加联系人"},
		{Key: "add and remove tags", Zh: "添加和删除标签"},
		{Key: "log an interaction (--next schedules a follow-up)", Zh: "记录一次互动（--next 同时安排跟进）"},
		{Key: "mark a complaint resolved", Zh: "将投诉标记为已解决"},
		{Key: "schedule a follow-up", Zh: "安排一项跟进"},
		{Key: "complete a follow-up", Zh: "完成一项跟进"},
		{Key: "move a follow-up to another date (without DATE: a day later)", Zh: "把跟进改到另一天（不给 DATE：推迟一天）"},
		{Key: "record an order", Zh: "记录一笔订单"},
		{Key: "deals (rapport deal --help)", Zh: "商机（rapport deal --help）"},
		{Key: "list or change the pipeline stages", Zh: "查看或修改销售管道的阶段"},
		{Key: "archive a customer, contact, deal, interaction, followup or order", Zh: "归档客户、联系人、商机、互动记录、跟进或订单"},
		{Key: "bring an archived row back", Zh: "恢复已归档的内容"},
		{Key: "remove archived rows for good (asks first)", Zh: "永久删除已归档的内容（会先确认）"},
		{Key: "undo the last change (a whole command)", Zh: "撤销上一次修改（整条命令）"},
		{Key: "redo what undo undid", Zh: "重做被撤销的修改"},
		{Key: "read and change settings", Zh: "查看和修改设置"},
		{Key: "integrity, foreign keys, stats against a recompute, counts", Zh: "检查完整性、外键、统计与重新计算是否一致、行数"},
		{Key: "rapport, schema and SQLite versions", Zh: "rapport、数据结构和 SQLite 的版本"},
		{Key: "remove rows archived before this `DATE` (required)", Zh: "删除在 `DATE` 之前归档的内容（必填）"},
		{Key: "do not ask", Zh: "不再确认"},
		{Key: "new `NAME`", Zh: "新的名称（`NAME`）"},
		{Key: "let segmentation set the tier again", Zh: "让自动分层重新决定分层"},
		{Key: "why the customer churned (with --lifecycle churned)", Zh: "客户流失的原因（与 --lifecycle churned 一起用）"},
		{Key: "their `ROLE` (buyer, CTO, …)", Zh: "职务（`ROLE`，如采购、CTO …）"},
		{Key: "email `ADDRESS`", Zh: "邮箱（`ADDRESS`）"},
		{Key: "phone `NUMBER`", Zh: "电话（`NUMBER`）"},
		{Key: "make this the primary contact", Zh: "设为主要联系人"},
		{Key: "print what was created as JSON", Zh: "以 JSON 输出新建的内容"},
		{Key: "company `NAME`", Zh: "公司名称（`NAME`）"},
		{Key: "WeChat, Slack or other `HANDLE`", Zh: "微信、Slack 等账号（`HANDLE`）"},
		{Key: "`INDUSTRY`", Zh: "行业（`INDUSTRY`）"},
		{Key: "where the customer came from (`SOURCE`)", Zh: "客户来源（`SOURCE`）"},
		{Key: "free `TEXT`", Zh: "任意文字（`TEXT`）"},
		{Key: "A, B or C; pins the tier so segmentation keeps it (`TIER`)", Zh: "A、B 或 C；固定分层，自动分层不再改动（`TIER`）"},
		{Key: "prospect, customer or churned (`LIFECYCLE`)", Zh: "prospect（潜在客户）、customer（客户）或 churned（已流失）（`LIFECYCLE`）"},
		{Key: "touch every `DAYS` days (0 = the tier's cadence)", Zh: "每 `DAYS` 天联系一次（0 = 按分层的周期）"},
		{Key: "a `TAG` (repeat for more)", Zh: "标签（`TAG`，可重复）"},
		{Key: "why the deal was lost (`REASON`, required for Lost)", Zh: "丢单原因（`REASON`，移到 Lost 时必填）"},
		{Key: "do not record an order when the deal is won", Zh: "赢单时不记录订单"},
		{Key: "print a JSON array", Zh: "以 JSON 数组输出"},
		{Key: "only deals in this `STAGE`", Zh: "只列出该阶段的商机（`STAGE`）"},
		{Key: "only rotting deals", Zh: "只列出停滞商机"},
		{Key: "include won and lost deals", Zh: "包括赢单和丢单的商机"},
		{Key: "why it may wait (`REASON`, required)", Zh: "可以等的原因（`REASON`，必填）"},
		{Key: "the deal's `VALUE` (required)", Zh: "商机金额（`VALUE`，必填）"},
		{Key: "the `STAGE` to start in (name or prefix)", Zh: "起始阶段（`STAGE`，名称或前缀）"},
		{Key: "expected close `DATE`", Zh: "预计成交日期（`DATE`）"},
		{Key: "`KIND`: %s", Zh: "互动类型（`KIND`）：%s"},
		{Key: "when it is due (`DATE`, required)", Zh: "到期日（`DATE`，必填）"},
		{Key: "the time of day (`HH:MM`)", Zh: "时刻（`HH:MM`）"},
		{Key: "the deal it belongs to (`ID`)", Zh: "所属商机（`ID`）"},
		{Key: "`DIRECTION`: outbound (default; internal for notes), inbound or internal", Zh: "方向（`DIRECTION`）：outbound（我方发起，默认；备注默认 internal）、inbound（客户发起）或 internal（内部）"},
		{Key: "`OUTCOME`: %s", Zh: "结果（`OUTCOME`）：%s"},
		{Key: "feedback `SCORE` 0–10", Zh: "反馈评分（`SCORE`）0–10"},
		{Key: "when it happened (`DATE`, default now)", Zh: "发生时间（`DATE`，默认现在）"},
		{Key: "longer `TEXT`", Zh: "详细内容（`TEXT`）"},
		{Key: "schedule a follow-up on this `DATE`", Zh: "在这一天安排跟进（`DATE`）"},
		{Key: "the follow-up's `TITLE` (default: Follow up: SUMMARY)", Zh: "跟进的标题（`TITLE`，默认：跟进：摘要）"},
		{Key: "when it was ordered (`DATE`, default now)", Zh: "下单时间（`DATE`，默认现在）"},
		{Key: "the deal it closes (`ID`)", Zh: "对应成交的商机（`ID`）"},
		{Key: "a `NOTE`", Zh: "备注（`NOTE`）"},
		{Key: "filter `TEXT` (see above)", Zh: "筛选条件（`TEXT`，见上）"},
		{Key: "only customers with this `TAG` (repeatable)", Zh: "只列出带此标签的客户（`TAG`，可重复）"},
		{Key: "only this `TIER` (A, B or C)", Zh: "只列出该分层（`TIER`：A、B 或 C）"},
		{Key: "only customers at risk", Zh: "只列出有流失风险的客户"},
		{Key: "`ORDER`: risk, name, contact, next or value", Zh: "排序（`ORDER`）：risk（风险）、name（姓名）、contact（上次联系）、next（下次跟进）或 value（金额）"},
		{Key: "at most `N` customers (0 = all)", Zh: "最多 `N` 位客户（0 = 全部）"},
		{Key: "print the view as JSON", Zh: "以 JSON 输出"},
		{Key: "show the latest `N` interactions", Zh: "显示最近 `N` 条互动记录"},
		{Key: "the `STAGE` it follows (required)", Zh: "放在哪个阶段之后（`STAGE`，必填）"},
		{Key: "a deal rots after `DAYS` in the stage (0 = never)", Zh: "商机在此阶段停留 `DAYS` 天后算停滞（0 = 从不）"},
		{Key: "win `PERCENT` (0–100)", Zh: "赢单概率（`PERCENT`，0–100）"},
		{Key: "print the SPEC §5 JSON shape", Zh: "以 SPEC §5 的 JSON 格式输出"},
		{Key: "exit 3 when anything is overdue", Zh: "有逾期时退出码为 3"},
		{Key: "list every row in the text output", Zh: "文本输出中列出所有行"},
		{Key: "open a sample book (built fresh each day)", Zh: "打开演示客户库（每天重新生成）"},
		{Key: "how many customers to simulate", Zh: "模拟的客户数量"},
		{Key: "random seed", Zh: "随机种子"},
		{Key: "build the book and exit without opening it", Zh: "只生成客户库，不打开"},
		{Key: "open the existing demo book as it is", Zh: "按原样打开已有的演示客户库"},
		{Key: "show this help", Zh: "显示本帮助"},
		{Key: "monthly and quarterly targets (rapport goal --help)", Zh: "月度和季度目标（rapport goal --help）"},
		{Key: "print the goal as JSON", Zh: "以 JSON 输出目标"},
		{Key: "print the goals as JSON", Zh: "以 JSON 输出目标"},
		{Key: "funnel, win rate, pipeline, retention and churn, activity, risk", Zh: "销售漏斗、赢单率、销售管道、留存率与流失率、活动量、风险"},
		{Key: "recompute the A/B/C tiers now and print the changes", Zh: "立即重新计算 A/B/C 客户分层并列出变化"},
		{Key: "refit the risk model on this book now, with its self-check", Zh: "立即用本客户库重新拟合风险模型并自检"},
		{Key: "print the report as JSON", Zh: "以 JSON 输出报表"},
		{Key: "`PERIOD`: 30d, 90d, 365d, YYYY-MM or YYYY-MM..YYYY-MM", Zh: "统计期间（`PERIOD`）：30d、90d、365d、YYYY-MM 或 YYYY-MM..YYYY-MM"},
		{Key: "print the changes without writing them", Zh: "只列出变化，不写入"},
		{Key: "print the fit and its self-check as JSON", Zh: "以 JSON 输出拟合结果和自检"},
		{Key: "xlsx: the sheet to read (the first when not given)", Zh: "xlsx：要读取的工作表（不给则读第一个）"},
		{Key: "deals: \"FILE STAGE=book stage\", like --map-stage \"Value Proposition=Qualified\" (repeatable)",
			Zh: "商机：\"文件中的阶段=客户库阶段\"，例如 --map-stage \"Value Proposition=Qualified\"（可重复）"},
		{Key: "what the rows are: customers, interactions, followups, orders or deals", Zh: "每行是什么：customers（客户）、interactions（互动记录）、followups（跟进）、orders（订单）或 deals（商机）"},
		{Key: "the file's encoding (%s); detected when not given", Zh: "文件编码（%s）；不给则自动识别"},
		{Key: "COLUMN=field: read a column as a field (repeatable; field ignore drops it)", Zh: "列名=字段：把某一列读作某个字段（可重复；字段写 ignore 则丢弃该列）"},
		{Key: "append the values of unknown columns to the notes", Zh: "把无法识别的列的值追加到备注"},
		{Key: "history kinds: create the customers a row names that are not in the book", Zh: "历史记录：为客户库中没有的客户新建客户"},
		{Key: "show what would be created, merged and rejected; write nothing", Zh: "列出将新建、合并和拒绝的内容；不写入"},
		{Key: "import the good rows of a file that has bad ones", Zh: "文件中有错误行时，导入其余正确的行"},
		{Key: "skip, merge (fill empty fields, add tags) or create", Zh: "skip（跳过）、merge（补全空字段、添加标签）或 create（照样新建）"},
		{Key: "import customers or history (CSV, .xlsx), contacts (vCard), or restore an export (JSON)", Zh: "导入客户或历史记录（CSV、.xlsx）、联系人（vCard），或恢复导出的备份（JSON）"},
		{Key: "export customers (CSV, vCard), everything (JSON) or open follow-ups (iCalendar)", Zh: "导出客户（CSV、vCard）、全部数据（JSON）或待办跟进（iCalendar）"},
		{Key: "a consistent copy of the book, checked after writing", Zh: "客户库的一致副本，写入后校验"},
		{Key: "write to FILE instead of stdout", Zh: "写入 FILE，而不是标准输出"},
		{Key: "csv: start with a UTF-8 BOM so Excel reads Chinese text (--excel=false omits it)", Zh: "csv：以 UTF-8 BOM 开头，Excel 才能正确显示中文（--excel=false 不加）"},
	}
}

// cliAboutMessages are what each verb does, at the top of its --help, and
// the global usage.
func cliAboutMessages() []Msg {
	return []Msg{
		{Key: `Removes for good every row archived before DATE (customers with everything that
belongs to them). This cannot be undone, and it clears the undo history. It asks
first; --yes skips the question (for scripts).`,
			Zh: `永久删除在 DATE 之前归档的所有内容（客户连同其全部记录）。
此操作无法撤销，并会清空撤销历史。执行前会先确认；--yes 跳过确认（用于脚本）。`},
		{Key: "Undoes the last change, a whole command at a time (also across restarts).", Zh: "撤销上一次修改，每次撤销一整条命令（重启后也可以）。"},
		{Key: "Redoes the last change undo undid.", Zh: "重做被 undo 撤销的上一次修改。"},
		{Key: `With no KEY, lists every setting with its value; with KEY, prints one; with
KEY VALUE, changes it (undoable). Settings:`,
			Zh: `不给 KEY 时列出所有设置及其值；给 KEY 时显示这一项；
给 KEY VALUE 时修改它（可撤销）。设置：`},
		{Key: `Checks the book: SQLite integrity, foreign keys, every customer's stats and risk
against a fresh recompute, and row counts. Exits 1 when anything is wrong.`,
			Zh: `检查客户库：SQLite 完整性、外键、每位客户的统计和风险与重新计算是否一致，
以及行数。发现任何问题时退出码为 1。`},
		{Key: `Prints rapport's version, the schema version it writes (and the open file's),
and the SQLite version.`,
			Zh: `显示 rapport 的版本、它写入的数据结构版本（以及所打开文件的版本），
和 SQLite 的版本。`},
		{Key: `Archives a row: it disappears from views and counts and can be restored
(rapport restore KIND ID). Nothing is deleted; see rapport purge.
KIND: customer, contact, deal, interaction, followup or order.`,
			Zh: `归档一行：它会从各个视图和统计中消失，可以恢复
（rapport restore KIND ID）。不会删除任何内容；见 rapport purge。
KIND：customer（客户）、contact（联系人）、deal（商机）、interaction（互动记录）、followup（跟进）或 order（订单）。`},
		{Key: `Brings an archived row back.
KIND: customer, contact, deal, interaction, followup or order.`,
			Zh: `恢复一行已归档的内容。
KIND：customer（客户）、contact（联系人）、deal（商机）、interaction（互动记录）、followup（跟进）或 order（订单）。`},
		{Key: "Changes a customer's fields; only the flags given change. CUSTOMER is an id or a name.", Zh: "修改客户的字段；只修改给出的选项。CUSTOMER 是编号或名称。"},
		{Key: "Adds a person at a customer. --primary makes them the main contact (the previous one is demoted).",
			Zh: "为客户添加一位联系人。--primary 设为主要联系人（原来的主要联系人随之取消）。"},
		{Key: `Adds (+T, or a bare T) and removes (-T) tags on a customer, then prints its tags.
With no tags given it only prints them.`,
			Zh: `为客户添加（+T，或直接写 T）和删除（-T）标签，然后列出其标签。
不给标签时只列出标签。`},
		{Key: `Adds a customer (one undoable command) and prints its id. A given --tier is pinned.
Creates the database when it does not exist yet.`,
			Zh: `添加一位客户（一条可撤销的命令）并显示其编号。给出的 --tier 会被固定。
客户库不存在时会新建。`},
		{Key: `Moves a deal to another stage. Won records an order for the deal's value (unless
--no-order); Lost needs --reason.`,
			Zh: `把商机移到另一个阶段。移到 Won（赢单）会按商机金额记录一笔订单
（除非加 --no-order）；移到 Lost（丢单）需要 --reason。`},
		{Key: `Lists open deals by stage (--all adds won and lost ones). Rotting deals are marked !.
In --json, value is a decimal string in major units of currency.`,
			Zh: `按阶段列出进行中的商机（--all 同时列出赢单和丢单的）。停滞商机标有 !。
在 --json 中，value 是以主币单位表示的十进制字符串。`},
		{Key: "Hides a rotting deal from the rotting lists until DATE, with a reason.", Zh: "在 DATE 之前不再把这个停滞商机列为停滞，需说明原因。"},
		{Key: `Opens a deal for a customer, in the first open stage unless --stage says otherwise.
VALUE is in the book currency unless it says otherwise ($12,000, ¥3.5万, EUR 900).`,
			Zh: `为客户新建一个商机，默认放在第一个进行中的阶段，--stage 可另行指定。
VALUE 默认是客户库的币种，也可以写明币种（$12,000、¥3.5万、EUR 900）。`},
		{Key: `Logs an interaction with a customer. --next also schedules a follow-up, in
the same command (one undo reverts both). Dates: today, yesterday, mon, -2d,
2026-12-01, 12/01, 昨天 … optionally with a time (14:30, 2pm).`,
			Zh: `记录一次与客户的互动。--next 同时安排一项跟进，在同一条命令中
（一次撤销两者都撤回）。日期：today、yesterday、mon、-2d、2026-12-01、12/01、
昨天 … 还可以带时刻（14:30、2pm）。`},
		{Key: "Marks a complaint resolved (its id is in rapport show CUSTOMER).", Zh: "将投诉标记为已解决（编号见 rapport show 客户）。"},
		{Key: `Schedules a follow-up. Dates: today, tomorrow, fri, next week, +3d, 2w, 2026-12-01, 12/01,
明天, 下周一 … optionally with a time (tomorrow 14:30, fri 2pm).`,
			Zh: `安排一项跟进。日期：today、tomorrow、fri、next week、+3d、2w、2026-12-01、12/01、
明天、下周一 … 还可以带时刻（tomorrow 14:30、fri 2pm、明天 14:30）。`},
		{Key: "Marks a follow-up done (ids are in rapport today and rapport show).", Zh: "将跟进标记为完成（编号见 rapport today 和 rapport show）。"},
		{Key: `Moves an open follow-up to another date (today or later), optionally with a time:
rapport snooze 412 tomorrow, rapport snooze 412 "fri 14:30", rapport snooze 412 +3d.
Without DATE it moves a day: to the day after the later of its due date and today
(as z in the app), keeping its time; a snooze never pulls a date forward.`,
			Zh: `把待办跟进改到另一天（今天或以后），可以带时刻：
rapport snooze 412 tomorrow、rapport snooze 412 "fri 14:30"、rapport snooze 412 +3d。
不给 DATE 时推迟一天：推到到期日与今天中较晚那天的下一天
（与应用中的 z 相同），时刻不变；推迟不会把日期提前。`},
		{Key: `Records an order (a purchase). AMOUNT is in the book currency unless it says otherwise:
12000, 12,000.50, ¥12,000, $3.5k, 2万, EUR 1.200,50.`,
			Zh: `记录一笔订单（一次购买）。AMOUNT 默认是客户库的币种，也可以写明币种：
12000、12,000.50、¥12,000、$3.5k、2万、EUR 1.200,50。`},
		{Key: `Lists customers, by risk unless --sort says otherwise. --filter takes the
syntax of the Customers screen: free text, #tag, tier:A, risk:at, risk:watch,
stage:proposal, archived:yes. In --json, open_pipeline maps the currency code
to a decimal string in major units ("12000.50").`,
			Zh: `列出客户，默认按风险排序，--sort 可另行指定。--filter 使用客户页面的
筛选语法：任意文字、#标签、tier:A、risk:at、risk:watch、stage:proposal、
archived:yes。在 --json 中，open_pipeline 把币种代码映射为以主币单位表示的
十进制字符串（"12000.50"）。`},
		{Key: `The customer 360° view: header, tags, contacts, cadence, the risk panel with
every reason and its points, open deals, open follow-ups, recent orders and the
interaction timeline (newest first). CUSTOMER is an id or a name.`,
			Zh: `客户 360° 视图：基本信息、标签、联系人、联系周期、风险面板（每条原因及其分数）、
进行中的商机、待办跟进、最近订单和互动记录（最新在前）。
CUSTOMER 是编号或名称。`},
		{Key: "Adds an open stage after another one.", Zh: "在另一个阶段之后添加一个进行中的阶段。"},
		{Key: "Renames a stage.", Zh: "给阶段改名。"},
		{Key: "Places an open stage right after another open stage.", Zh: "把一个进行中的阶段移到另一个进行中的阶段之后。"},
		{Key: "Removes an open stage; refused while it holds deals.", Zh: "删除一个进行中的阶段；阶段中还有商机时拒绝删除。"},
		{Key: `Lists the pipeline stages in board order. Changes:
  rapport stages set NAME [--probability P] [--rot-days D]
  rapport stages add NAME --after S [--probability P] [--rot-days D]
  rapport stages rename OLD NEW
  rapport stages move NAME --after S
  rapport stages remove NAME   (refused while it holds deals)`,
			Zh: `按看板顺序列出销售管道的阶段。修改：
  rapport stages set NAME [--probability P] [--rot-days D]
  rapport stages add NAME --after S [--probability P] [--rot-days D]
  rapport stages rename OLD NEW
  rapport stages move NAME --after S
  rapport stages remove NAME   （阶段中还有商机时拒绝）`},
		{Key: "Changes a stage's win probability and rotting time.", Zh: "修改阶段的赢单概率和停滞期限。"},
		{Key: `The launch triage, as the app's Today screen shows it: overdue follow-ups,
follow-ups due today, customers at risk (with their top reason), rotting deals
and customers due for a touch. The text lists the first 25 rows of each
section (--all for every row); --json always lists every row.

--exit-code exits 3 when any follow-up is overdue (for cron and notifiers).`,
			Zh: `今日待办，与应用的“今日”页面一致：逾期跟进、今日到期的跟进、
有流失风险的客户（附最主要的原因）、停滞商机和待联系的客户。
文本输出每个分组列出前 25 行（--all 列出全部）；--json 总是列出全部。

--exit-code 在有逾期跟进时退出码为 3（用于 cron 和提醒工具）。`},
		{Key: `rapport — a keyboard-driven CRM in your terminal

Usage: rapport [--db PATH] [--lang zh|en|auto] [COMMAND] [ARGS]

With no command, rapport opens the terminal app. Global:
  --db PATH   the book to use (else $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.db,
              else ~/.local/share/rapport/rapport.db)
  --lang L    the language: zh, en or auto (else the book's setting, rapport config lang,
              else LC_ALL, LC_MESSAGES, LANG)
  RAPPORT_NOW=RFC3339 or RAPPORT_TODAY=YYYY-MM-DD fix the clock (tests, demos)

Commands:`,
			Zh: `rapport — 在终端里用键盘操作的客户管理（CRM）工具

用法：rapport [--db PATH] [--lang zh|en|auto] [COMMAND] [ARGS]

不带命令时打开终端应用。全局选项：
  --db PATH   要使用的客户库（否则用 $RAPPORT_DB，再否则用 $XDG_DATA_HOME/rapport/rapport.db，
              最后用 ~/.local/share/rapport/rapport.db）
  --lang L    界面语言：zh、en 或 auto（否则按客户库的设置 rapport config lang，
              再否则按 LC_ALL、LC_MESSAGES、LANG）
  RAPPORT_NOW=RFC3339 或 RAPPORT_TODAY=YYYY-MM-DD 固定时钟（用于测试、演示）

命令：`},
		{Key: `Every command takes --help. Exit status: 0 done, 1 failed (nothing was written),
2 bad usage (unknown flag, missing argument, a value that cannot be read), 3 today --exit-code with overdue follow-ups.`,
			Zh: `每个命令都可加 --help。退出码：0 完成，1 失败（没有写入任何内容），
2 用法错误（未知选项、缺少参数、无法识别的值），3 today --exit-code 且有逾期跟进。`},
		{Key: `Open a sample book: a believable sales book of Chinese and English customers
simulated over 18 months up to today, with overdue follow-ups, customers
slipping away for a reason, and deals moving (or stuck) in the pipeline.

The book is demo.db beside the default database, or the --db path. It is
rebuilt when missing, when it was built on an earlier day, or when --customers
or --seed ask for another one; --keep opens it as it is. A file that holds a
real book (not marked as a demo and not empty) is never touched.
The same seed on the same day (RAPPORT_TODAY) gives the same book.`,
			Zh: `打开演示客户库：一个可信的销售客户库，含中英文客户，
模拟了截至今天的 18 个月，有逾期跟进、因各种原因逐渐流失的客户，
以及在销售管道中推进（或停滞）的商机。

客户库是默认数据库旁边的 demo.db，或 --db 给出的路径。缺失时、
在更早的某天生成时、或 --customers、--seed 要求不同的客户库时会重新生成；
--keep 按原样打开。保存着真实客户库（没有标记为演示且不为空）的文件绝不会被改动。
同一天（RAPPORT_TODAY）用同一个种子会得到同一个客户库。`},
		{Key: "Removes the goal of a measure for a period (undo brings it back).", Zh: "删除某项指标在某个期间的目标（undo 可以恢复）。"},
		{Key: `Sets the target of a measure for a month (2026-12) or a quarter (2026-Q4).
MEASURE is revenue (orders), won (deals won, counted), won_value (value of
deals won), new_customers or interactions. TARGET is money in the book currency
for revenue and won_value (120000, ¥12万, $3.5k), a count otherwise. Setting a
goal again changes its target. The launch summary shows this month's goal
with its straight-line pace.`,
			Zh: `设置某项指标在一个月（2026-12）或一个季度（2026-Q4）的目标。
MEASURE 是 revenue（订单收入）、won（赢单数）、won_value（赢单金额）、
new_customers（新客户）或 interactions（互动次数）。TARGET 对 revenue 和 won_value
是客户库币种的金额（120000、¥12万、$3.5k），其他是数量。再次设置同一目标会修改目标值。
启动摘要会显示本月目标及按当前进度的预计。`},
		{Key: `Lists the goals with what the book holds so far, the share reached, the days left and the
straight-line pace (what the period ends at if it goes on as it went).`,
			Zh: `列出各项目标：目前的完成值、完成比例、剩余天数和按当前进度的预计
（按目前的速度到期末能达到多少）。`},
		{Key: `Prints the Reports screen as text (or --json): the funnel with stage-to-stage
conversion, win rate and sales cycle, the open pipeline and expected closes,
retention and churn by month, repurchase rate, interactions per week, risk
across the book and how customers split across the tiers.

The period is 30d, 90d or 365d (ending today), a month like 2026-03 or a
month range like 2026-01..2026-06; the default is 90d. A customer counts as
active when it had a contact (an interaction that is not internal and not a
note, or an order) within 3 × the book's rhythm g.`,
			Zh: `以文本（或 --json）输出报表页面：销售漏斗及各阶段转化率、赢单率和销售周期、
进行中的销售管道和预计成交、按月的留存率和流失率、复购率、每周互动量、
全库的风险，以及客户分层（A/B/C 类）的分布。

统计期间为 30d、90d 或 365d（截至今天）、一个月份如 2026-03，或月份区间如
2026-01..2026-06；默认 90d。客户在 3 × 客户库节奏 g 之内有过联系（非内部、
非备注的互动，或一笔订单）即算活跃。`},
		{Key: `Recomputes every customer's tier from the last 365 days of revenue: the
customers making the first 70%% of revenue are A, the next 20%% B, the rest C;
customers without revenue are C; pinned tiers are kept. Orders in another
currency are converted at the rate set with rapport config rate CNY 0.14; the
customers of a currency without a rate are ranked among themselves (the report
says which). Prints each change and a total. One undoable command (rapport undo).`,
			Zh: `按近 365 天的收入重新计算每位客户的分层：贡献前 70%% 收入的客户为 A 类，
其后 20%% 为 B 类，其余为 C 类；没有收入的客户为 C 类；固定的分层保持不变。
其他币种的订单按 rapport config rate CNY 0.14 设置的汇率换算；没有汇率的币种的客户
只在彼此之间排名（报告会说明是哪些）。列出每项变化和总数。
一条可撤销的命令（rapport undo）。`},
		{Key: `Refits the risk model on this book now and re-scores every customer with it.

The lapse part of risk (SPEC §3) is a small logistic model on recency,
frequency and order value whose four weights are fitted on the book's own
past: every customer's orders as of 90 days ago (risk.horizon), labelled by
whether that customer ordered in the 90 days since. Refresh refits it by
itself on the first day of each month; this verb does it on demand.

Prints the weights, how many customers they were fitted on, and the
self-check: the customers as of 90 days ago scored with weights fitted 90
days before that, against what they did since (AUC of the ranking and of
plain days since the last order, precision and recall of at_risk). --json
prints the self-check as report --json's risk_check.`,
			Zh: `立即用本客户库重新拟合风险模型，并用它给每位客户重新评分。

风险中的流失部分（SPEC §3）是一个基于近期性、频次和订单金额的小型逻辑回归模型，
其四个权重用本客户库自己的历史拟合：每位客户截至 90 天前（risk.horizon）的订单，
以此后 90 天内是否下单为标签。每月第一天刷新时会自动重新拟合；这个命令可随时执行。

输出权重、拟合所用的客户数，以及自检：截至 90 天前的客户，用再早 90 天拟合的权重评分，
与他们之后的实际表现对比（排序的 AUC 与仅按距上次下单天数排序的 AUC，
at_risk 的精确率和召回率）。--json 输出与 report --json 的 risk_check 相同的自检。`},
		{Key: `Imports the contacts of a vCard file (2.1, 3.0, 4.0, as phones, Outlook, Gmail
and macOS write them) as customers, in one undoable command. Duplicates are
found as for CSV. A damaged file is reported with the line where it breaks,
and nothing is imported.`,
			Zh: `把 vCard 文件（2.1、3.0、4.0，手机、Outlook、Gmail 和 macOS 导出的格式）
中的联系人作为客户导入，作为一条可撤销的命令。查重方式与 CSV 相同。
文件损坏时报告出错的行，并且不导入任何内容。`},
		{Key: `Restores a rapport JSON export (rapport export json) into an empty book, exactly:
the same ids, dates and history. It refuses a book that already has data;
start a new file with --db. A restore is not undoable.`,
			Zh: `把 rapport 的 JSON 导出（rapport export json）原样恢复到一个空的客户库：
相同的编号、日期和历史。已有数据的客户库会被拒绝；请用 --db 新建文件。
恢复无法撤销。`},
		{Key: `Exports the book, to stdout or --out FILE:
  csv    customers (live ones), one row each with tags and notes. Spreadsheet
         formulas are neutralised: a cell starting with =, +, -, @, tab or CR
         gets a leading ' so Excel shows it as text (import removes it again).
         Starts with a UTF-8 BOM so Excel shows Chinese text correctly;
         --excel=false leaves it out.
  json   everything (archived rows too), versioned; rapport import json
         restores it into an empty book exactly.
  ics    open follow-ups as iCalendar to-dos with their due date, plus an
         event for each one that has a time.
  vcard  customers and their contact people as vCard 3.0.`,
			Zh: `导出客户库，到标准输出或 --out FILE：
  csv    客户（未归档的），每人一行，含标签和备注。电子表格公式会被中和：
         以 =、+、-、@、制表符或回车开头的单元格前加 '，Excel 会按文字显示
         （导入时会去掉）。以 UTF-8 BOM 开头，Excel 才能正确显示中文；
         --excel=false 不加。
  json   全部数据（包括已归档的），带版本号；rapport import json
         可原样恢复到空的客户库。
  ics    待办跟进，导出为带到期日的 iCalendar 待办事项，有时刻的
         另加一个日程。
  vcard  客户及其联系人，vCard 3.0 格式。`},
		{Key: `Writes a consistent copy of the book with VACUUM INTO (default: a timestamped
file beside it) and checks the copy's integrity. It never overwrites a file.`,
			Zh: `用 VACUUM INTO 写入客户库的一致副本（默认：旁边一个带时间戳的文件），
并校验副本的完整性。绝不覆盖已有文件。`},
		{Key: `Imports a CSV file or an Excel workbook (.xlsx) as one command (rapport undo
removes it whole). A dry run needs no book: on a new --db path it creates none.

Reads UTF-8 (with or without BOM), GBK/GB18030, Windows-1252 and UTF-16
(detected; --encoding overrides), comma, semicolon or tab delimiters, and
finds the header below notes or a template's instruction rows. An .xlsx is
read from its first sheet with a known header (--sheet NAME picks one); its
numbers read as text
without ".0" or exponents, dates as dates. A .xls or any other binary file is
refused with what it is and how to save it as .xlsx or CSV.

Columns are matched by name in English and Chinese (name, display name,
first/last name, company, email, phone, mobile, job title, tags, tier, notes,
姓名, 显示名称, 公司, 单位, 电话, 手机, 座机, 邮箱, 个人邮箱, 职务, 微信, QQ, 标签, 备注 …);
--map "COLUMN=field" sets or overrides one. Address, birthday, department and
web-page columns are kept in the notes as "Column: value"; every other column
is listed under "not imported" with its count (--keep-extra keeps them too).

An odd value never costs its row: a second phone or email, two numbers in one
cell, an extension, a tier or status word rapport does not know go to the
notes and are listed as warnings with their line. A row is refused only when
it names nobody (no name, company, email or phone). A phone shared by three or
more rows (a switchboard) and rows with different emails never merge.

Duplicates are found by email, then normalised phone, then name+company,
against the book and within the file; --on-duplicate merge (default) fills
empty fields and adds tags, skip leaves them, create adds them anyway.

Every bad row is reported as "line N: reason". A file with any bad row
imports nothing unless --skip-bad. --dry-run shows what would be created,
merged and rejected, and writes nothing.

--kind interactions|followups|orders|deals reads history sheets: each row's
customer is found by the same keys (unknown ones are reported by line, or
created with --create-customers). Dates may be ISO (2026-03-01) or US
month/day/year (3/1/2026). Salesforce's STAGENAME, AMOUNT, CLOSEDATE,
PROBABILITY and ACCOUNTID are read without --map. Stages map to yours by
name, known names (Prospecting → Lead, Value Proposition → Qualified, Closed
Won → Won …), then the row's probability; the report lists each mapping and
--map-stage "FILE STAGE=stage" corrects one. A won deal records an order on
its close date, as winning a deal in the app does.`,
			Zh: `把 CSV 文件或 Excel 工作簿（.xlsx）作为一条命令导入（rapport undo
可整体撤销）。试运行不需要客户库：在新的 --db 路径上不会新建。

可读取 UTF-8（带或不带 BOM）、GBK/GB18030、Windows-1252 和 UTF-16
（自动识别；--encoding 可指定），逗号、分号或制表符分隔，并能跳过表头上方的
说明或模板的填写说明行找到表头。.xlsx 从第一个带已知表头的工作表读取
（--sheet 名称 可指定）；数字按文字读取，不带 ".0" 或科学计数法，日期按日期读取。
.xls 或其他二进制文件会被拒绝，并说明它是什么、如何另存为 .xlsx 或 CSV。

列按中英文列名匹配（name、display name、first/last name、company、email、phone、
mobile、job title、tags、tier、notes、姓名、显示名称、公司、单位、电话、手机、座机、
邮箱、个人邮箱、职务、微信、QQ、标签、备注 …）；--map "列名=字段" 设置或覆盖一列。
地址、生日、部门和网页列以“列名: 值”记入备注；其他列列在“未导入”下并附数量
（--keep-extra 也记入备注）。

一个异常值绝不会让整行丢失：第二个电话或邮箱、一格里的两个号码、分机号、
rapport 不认识的分层或状态词都会记入备注，并作为警告列出所在行。只有一行
没有任何可识别的人（没有姓名、公司、邮箱或电话）时才会被拒绝。三行及以上共用的电话
（总机）以及邮箱不同的行绝不会合并。

查重依次按邮箱、规范化后的电话、姓名+公司，在客户库中和文件内查找；
--on-duplicate merge（默认）补全空字段并添加标签，skip 保持不变，create 照样新建。

每个错误行都报告为“第 N 行：原因”。文件中有任何错误行时不导入任何内容，
除非加 --skip-bad。--dry-run 列出将新建、合并和拒绝的内容，不写入。

--kind interactions|followups|orders|deals 读取历史记录表：每行的客户按相同的方式
查找（找不到的按行报告，或加 --create-customers 新建）。日期可以是 ISO（2026-03-01）
或美式 月/日/年（3/1/2026）。Salesforce 的 STAGENAME、AMOUNT、CLOSEDATE、
PROBABILITY 和 ACCOUNTID 不需要 --map 即可读取。阶段依次按名称、已知名称
（Prospecting → Lead、Value Proposition → Qualified、Closed Won → Won …）、
该行的概率映射到你的阶段；报告会列出每个映射，--map-stage "文件中的阶段=阶段"
可更正。赢单的商机会在成交日记录一笔订单，与在应用中赢单相同。`},
	}
}

// cliSettingMessages are the settings' help texts (db.ConfigKeys), as
// rapport config and config --help show them.
func cliSettingMessages() []Msg {
	return []Msg{
		{Key: "book currency (ISO 4217 code, e.g. USD, CNY)", Zh: "客户库的币种（ISO 4217 代码，如 USD、CNY）"},
		{Key: "days between touches for tier A (default 14)", Zh: "A 类客户的联系间隔天数（默认 14）"},
		{Key: "days between touches for tier B (default 30)", Zh: "B 类客户的联系间隔天数（默认 30）"},
		{Key: "days between touches for tier C (default 60)", Zh: "C 类客户的联系间隔天数（默认 60）"},
		{Key: "days without an order that count as lost, for the lapse model (default 90; a change refits it)",
			Zh: "多少天没有订单算流失，用于流失模型（默认 90；修改后重新拟合）"},
		{Key: "how 12/01 reads: mdy (December 1) or dmy (12 January)", Zh: "12/01 的读法：mdy（12月1日）或 dmy（1月12日）"},
		{Key: "override the book's rhythm g in days (0 = compute it)", Zh: "手动设定客户库的联系节奏 g（天；0 = 自动计算）"},
		{Key: "points for 2, 3+ unanswered outreaches (default 20,30)", Zh: "连续 2 次、3 次以上联系未获回复的分数（默认 20,30）"},
		{Key: "points for a complaint resolved in the last 60 days (default 10)", Zh: "近 60 天内已解决的投诉的分数（默认 10）"},
		{Key: "points for a low rating or negative last contact (default 15)", Zh: "低评分或最近一次联系结果负面的分数（默认 15）"},
		{Key: "points for a rotting deal (default 10)", Zh: "停滞商机的分数（默认 10）"},
		{Key: "points for an open complaint (default 25)", Zh: "未解决投诉的分数（默认 25）"},
		{Key: "points for an overdue follow-up (default 10)", Zh: "逾期跟进的分数（默认 10）"},
		{Key: "points for contact frequency halving (default 10)", Zh: "联系频率减半的分数（默认 10）"},
		{Key: "points for silence at 1x,1.5x,2x,3x the rhythm (default 20,30,40,50)", Zh: "未联系时间达到节奏的 1、1.5、2、3 倍时的分数（默认 20,30,40,50）"},
		{Key: "score from which a customer is at risk (default 50)", Zh: "达到多少分算流失风险（默认 50）"},
		{Key: "score from which a customer is on watch (default 25)", Zh: "达到多少分算需要关注（默认 25）"},
		{Key: "the book's time zone (IANA name, e.g. Asia/Shanghai): every process dates the book's days in it",
			Zh: "客户库的时区（IANA 名称，如 Asia/Shanghai）：所有进程都按它计算日期"},
		{Key: "the language rapport speaks: zh, en or auto (the locale's: LC_ALL, LC_MESSAGES, LANG)", Zh: "rapport 使用的语言：zh、en 或 auto（跟随 LC_ALL、LC_MESSAGES、LANG）"},
	}
}
