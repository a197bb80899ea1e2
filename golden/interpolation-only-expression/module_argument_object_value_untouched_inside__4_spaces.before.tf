module "vpc" {
    source = "./vpc"
    cidr   = "${var.cidr}"

    subnets = {
        a = "${var.subnet_a}"
    }
}
