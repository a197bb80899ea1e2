module "vpc" {
    source = "terraform-aws-modules/vpc/aws"

    # Two zones.
    azs = [
        "eu-west-1a"
    ]

    tags = {
        Owner = "me"
        Team  = "net"
    }
}
