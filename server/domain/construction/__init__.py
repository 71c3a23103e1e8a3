"""工程建设项目审批: the project (项目代码, investment type, unit, site) of a construction-approval
bundle, and its time against the budgets of its investment type, stage by stage."""
