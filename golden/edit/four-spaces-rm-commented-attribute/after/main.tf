module "vpc" {
    source = "terraform-aws-modules/vpc/aws"

    tags = {
        Owner = "me"
        Team  = "net"
    }
}
