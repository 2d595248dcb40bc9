package i18n

// appComponentMessages: the date field, filter bar, prompt, one-line input
// and importer of ui/components.
func appComponentMessages() []Msg {
	return []Msg{
		{Key: "tomorrow, fri, +3d, 12/01, 明天", Zh: "明天、周五、+3d、12/01、下周一"},
		{Key: "%s is in the past: pick today or later", Zh: "%s 已经过去：请选今天或以后"},
		{Key: "type a date: today, tomorrow, fri, +3d, 2026-12-01, 12/01, 明天", Zh: "请输入日期：今天、明天、周五、+3d、2026-12-01、12/01"},
		{Key: "e.g. ", Zh: "例如 "},

		// The snooze prompt.
		{Key: "Snooze to:", Zh: "推迟到："},
		{Key: "Snooze until:", Zh: "推迟到："},
		{Key: "Snooze %s", Zh: "推迟 %s"},
		{Key: "Reason: ", Zh: "原因："},
		{Key: "why it can wait", Zh: "为什么可以等"},
		{Key: "that date is in the past: pick today or later", Zh: "这个日期已经过去：请选今天或以后"},
		{Key: "say why the deal can wait", Zh: "请说明这个商机为什么可以等"},
		{Key: "confirm", Zh: "确认"},

		// The filter bar.
		{Key: "filter", Zh: "筛选"},
		{Key: "clear filter", Zh: "清除筛选"},
		{Key: "keep filter", Zh: "保留筛选"},
		{Key: "clear", Zh: "清除"},
		{Key: "; ", Zh: "；"},
		{Key: "%s (use tier:A, tier:B or tier:C)", Zh: "%s（请用 tier:A、tier:B 或 tier:C）"},
		{Key: "%s (use risk:at or risk:watch)", Zh: "%s（请用 risk:at 或 risk:watch）"},
		{Key: "%s (use archived:yes or archived:no)", Zh: "%s（请用 archived:yes 或 archived:no）"},
		{Key: "%s needs a stage name", Zh: "%s 需要阶段名称"},

		// The importer.
		{Key: "File: ", Zh: "文件："},
		{Key: "path to a .csv or .xlsx file of customers", Zh: "客户的 .csv 或 .xlsx 文件路径"},
		{Key: "check the file", Zh: "检查文件"},
		{Key: "import", Zh: "导入"},
		{Key: "Import cancelled: nothing was written", Zh: "已取消导入：没有写入任何内容"},
		{Key: "type the path of a .csv or .xlsx file (~ is your home folder)", Zh: "请输入 .csv 或 .xlsx 文件的路径（~ 是你的主目录）"},
		{Key: "cannot read %s: %v; check the path", Zh: "无法读取 %s：%v；请检查路径"},
		{Key: "%s is a folder: give a .csv or .xlsx file in it", Zh: "%s 是文件夹：请给出其中的 .csv 或 .xlsx 文件"},
		{Key: "the file could not be read", Zh: "无法读取这个文件"},
		{Key: "Not imported: %s", Zh: "未导入：%s"},
		{Key: "Imported %s: %d created, %d merged, %d unchanged, %d skipped", Zh: "已导入 %s：新建 %d，合并 %d，未变 %d，跳过 %d"},
		{Key: ", %d bad rows left out", Zh: "，%d 行有误未导入"},
		{Key: " (u undoes the whole import)", Zh: "（u 撤销整个导入）"},
		{Key: "Import customers from a CSV or Excel file", Zh: "从 CSV 或 Excel 文件导入客户"},
		{Key: "enter checks the file first (nothing is written yet) · esc cancels", Zh: "enter 先检查文件（还不会写入）· esc 取消"},
		{Key: "Checking %s…", Zh: "正在检查 %s…"},
		{Key: "esc cancels", Zh: "esc 取消"},
		{Key: "Importing %s…", Zh: "正在导入 %s…"},
		{Key: "esc cancels: the import is one transaction, nothing is written until it ends", Zh: "esc 取消：导入是一个事务，结束前不会写入任何内容"},
		{Key: "Reading and checking… %s rows", Zh: "正在读取并检查… %s 行"},
		{Key: "Writing… %s rows", Zh: "正在写入… %s 行"},
		{Key: "%s: %s rows (%s)", Zh: "%s：%s 行（%s）"},
		{Key: "Would import: %d created, %d merged into existing customers, %d unchanged, %d skipped", Zh: "将导入：新建 %d，合并到已有客户 %d，未变 %d，跳过 %d"},
		{Key: "Columns: %s", Zh: "列：%s"},
		{Key: "%d warnings (the rows are imported; the values are kept in the notes):", Zh: "%d 条警告（这些行会导入；数值保存在备注中）："},
		{Key: "%d bad rows, left out if you import:", Zh: "%d 行有误，导入时会跳过："},
		{Key: "import now (u undoes it as a whole)", Zh: "立即导入（u 整体撤销）"},
		{Key: "Nothing to import from this file", Zh: "这个文件中没有可导入的内容"},
		{Key: "closes", Zh: "关闭"},
		{Key: "Excel workbook, sheet %s", Zh: "Excel 工作簿，工作表 %s"},
		{Key: "%s, %s-separated, header on line %d", Zh: "%s，以 %s 分隔，表头在第 %d 行"},
		{Key: "…and %d more (rapport import csv FILE --dry-run lists them all)", Zh: "…还有 %d 条（rapport import csv FILE --dry-run 可全部列出）"},
		{Key: "line %d: %s", Zh: "第 %d 行：%s"},
	}
}

// appWelcomeMessages: the welcome screen of an empty book.
func appWelcomeMessages() []Msg {
	return []Msg{
		{Key: "Welcome to rapport", Zh: "欢迎使用 rapport"},
		{Key: "This book is empty: %s", Zh: "这个账本是空的：%s"},
		{Key: "add a customer", Zh: "添加客户"},
		{Key: "import a file", Zh: "导入文件"},
		{Key: "load sample data", Zh: "载入示例数据"},
		{Key: "yes, load it", Zh: "是，载入"},
		{Key: "import customers from a CSV or Excel file (checked first, then asks)", Zh: "从 CSV 或 Excel 文件导入客户（先检查，再询问）"},
		{Key: "load sample data (2,000 customers) into this file, after asking", Zh: "把示例数据（2,000 位客户）载入这个文件，会先询问"},
		{Key: "From the command line: %s", Zh: "在命令行中：%s"},
		{Key: "q quits · ? shows every key", Zh: "q 退出 · ? 显示所有按键"},
		{Key: "Load %s sample customers into this file?", Zh: "把 %s 位示例客户载入这个文件？"},
		{Key: "It writes made-up customers, deals and history into %s.", Zh: "它会把虚构的客户、商机和历史记录写入 %s。"},
		{Key: "Loading sample data… (a few seconds)", Zh: "正在载入示例数据…（需要几秒钟）"},
		{Key: "Add your first customer", Zh: "添加第一位客户"},
		{Key: "Name:", Zh: "名称："},
		{Key: "Company:", Zh: "公司："},
		{Key: "tab next field · enter saves · esc cancels", Zh: "tab 下一项 · enter 保存 · esc 取消"},
		{Key: "a customer needs a name", Zh: "客户需要一个名称"},
		{Key: "Could not load sample data: %s", Zh: "无法载入示例数据：%s"},
		{Key: "Sample data loaded: 2,000 customers (u undoes nothing here: it is one bulk load)", Zh: "示例数据已载入：2,000 位客户（这里 u 不会撤销：这是一次批量载入）"},
		{Key: "Customer added (u undoes)", Zh: "已添加客户（u 撤销）"},
	}
}
