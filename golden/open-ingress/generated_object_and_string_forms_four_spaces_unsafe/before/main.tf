# shapes generated code writes: Terraform rejects both, but the port is open all the same
resource "aws_security_group" "bastion" {
    name = "bastion"
    ingress = {
        from_port   = 22
        to_port     = 22
        protocol    = "tcp"
        cidr_blocks = "0.0.0.0/0" # anyone
    }
}

resource "aws_security_group" "db" {
    name = "db"
    ingress {
        from_port   = 5432
        to_port     = 5432
        protocol    = "tcp"
        cidr_blocks = "0.0.0.0/0"
    }
    egress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = "0.0.0.0/0"
    }
}
