"""工程建设项目审批 in the graph: the project of a bundle, its time by stage, send-back and resubmission."""
