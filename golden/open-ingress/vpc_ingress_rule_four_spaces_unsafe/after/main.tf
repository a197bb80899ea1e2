resource "aws_vpc_security_group_ingress_rule" "mysql" {
    security_group_id = aws_security_group.db.id
    cidr_ipv4         = var.allowed_mysql_cidr_ipv4
    from_port         = 3306
    ip_protocol       = "tcp"
    to_port           = 3306
}

resource "aws_vpc_security_group_ingress_rule" "all_v6" {
    security_group_id = aws_security_group.db.id
    cidr_ipv6         = var.allowed_ingress_cidr_ipv6
    ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
    security_group_id = aws_security_group.db.id
    cidr_ipv4         = "0.0.0.0/0"
    from_port         = 443
    ip_protocol       = "tcp"
    to_port           = 443
}
