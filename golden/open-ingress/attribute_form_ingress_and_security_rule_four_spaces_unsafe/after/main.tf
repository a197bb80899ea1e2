resource "aws_security_group" "bastion" {
    name   = "bastion"
    vpc_id = var.vpc_id

    ingress = [
        {
            description      = "SSH"
            from_port        = 22
            to_port          = 22
            protocol         = "tcp"
            cidr_blocks      = var.allowed_ssh_cidr_blocks
            ipv6_cidr_blocks = []
            prefix_list_ids  = []
            security_groups  = []
            self             = false
        },
        {
            description      = "HTTPS"
            from_port        = 443
            to_port          = 443
            protocol         = "tcp"
            cidr_blocks      = ["0.0.0.0/0"]
            ipv6_cidr_blocks = ["::/0"]
            prefix_list_ids  = []
            security_groups  = []
            self             = false
        },
    ]

    egress = [
        {
            description      = "All out"
            from_port        = 0
            to_port          = 0
            protocol         = "-1"
            cidr_blocks      = ["0.0.0.0/0"]
            ipv6_cidr_blocks = ["::/0"]
            prefix_list_ids  = []
            security_groups  = []
            self             = false
        },
    ]
}

resource "azurerm_network_security_group" "jump" {
    name                = "jump"
    location            = "westeurope"
    resource_group_name = "rg"

    security_rule = [
        {
            name                                       = "rdp"
            priority                                   = 100
            direction                                  = "Inbound"
            access                                     = "Allow"
            protocol                                   = "Tcp"
            source_port_range                          = "*"
            source_port_ranges                         = []
            destination_port_range                     = "3389"
            destination_port_ranges                    = []
            source_address_prefix                      = var.allowed_rdp_source_address_prefix
            source_address_prefixes                    = []
            destination_address_prefix                 = "*"
            destination_address_prefixes               = []
            source_application_security_group_ids      = []
            destination_application_security_group_ids = []
            description                                = "RDP"
        },
    ]
}
