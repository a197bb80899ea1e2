resource "aws_security_group_rule" "db" {
	type              = "ingress"
	from_port         = 5432
	to_port           = 5432
	protocol          = "tcp"
	cidr_blocks       = var.allowed_postgresql_cidr_blocks
	security_group_id = aws_security_group.db.id
}

resource "aws_security_group_rule" "web" {
	type              = "ingress"
	from_port         = 80
	to_port           = 80
	protocol          = "tcp"
	cidr_blocks       = ["0.0.0.0/0"]
	security_group_id = aws_security_group.db.id
}
