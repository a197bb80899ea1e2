module "vpc" {
    source = "terraform-aws-modules/vpc/aws"

    # Two zones.
    azs = [
        "eu-west-1a",
        "eu-west-1b",
        "eu-west-1c",
    ]

    tags = {
        Owner = "me"
        Team  = "net"
    }
}
