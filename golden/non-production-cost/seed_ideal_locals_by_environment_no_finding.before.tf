variable "environment_suffix" {
  type    = string
  default = "dev"
}

variable "public_subnet_cidrs" {
  type    = list(string)
  default = ["10.0.1.0/24", "10.0.2.0/24"]
}

locals {
  # Use single NAT for dev/staging, multi-AZ NAT for prod
  nat_gateway_count = var.environment_suffix == "prod" ? length(var.public_subnet_cidrs) : 1
  # Single instance for dev, 2 for staging/prod
  aurora_instance_count = var.environment_suffix == "dev" ? 1 : 2
}

resource "aws_nat_gateway" "main" {
  count         = local.nat_gateway_count
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "aurora-cluster-${var.environment_suffix}"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster_instance" "main" {
  count              = local.aurora_instance_count
  identifier         = "aurora-instance-${var.environment_suffix}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = var.rds_instance_class
  engine             = aws_rds_cluster.main.engine
}
